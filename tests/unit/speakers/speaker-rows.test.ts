import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  db,
  deleteVideoRows,
  getSpeakers,
  listVideos,
  renameSpeaker,
  saveSpeakerTurns,
  UnknownSpeakerError,
} from '../../../src/db';
import { exportBackup, importBackup } from '../../../src/library/backup/backup-library';
import { exportVideo } from '../../../src/library/exports/export-video';
import { executeTool } from '../../../src/tools/registry';
import { LINEAGE, seedCity, testContext } from '../tools/seeded-library';
import { mp4Bytes } from '../db/video-fixture';

/** city.mp4's speech (0–40 s) as two people: a guide to 12 s, a visitor after. */
const TURNS = [
  { start: 0, end: 12.5, speaker: 1 },
  { start: 12.5, end: 20, speaker: 2 },
  { start: 20, end: 30, speaker: 1 },
  { start: 30, end: 40, speaker: 2 },
];

async function emptyLibrary() {
  for (const video of await listVideos()) await deleteVideoRows(video.id);
}

describe('speakers, stored', () => {
  beforeEach(async () => {
    await emptyLibrary();
    await seedCity(db);
    await db.videoBlobs.put({ videoId: 'city', blob: new Blob([mp4Bytes()]) });
    await saveSpeakerTurns({ videoId: 'city', turns: TURNS, speakers: 2, lineage: LINEAGE });
  });
  afterEach(emptyLibrary);

  it('renames a speaker everywhere at once: the tools, the subtitles, a run again keeps it', async () => {
    await renameSpeaker('city', 1, '  Dana ');
    const context = testContext(db);
    const said = await executeTool(
      'search_transcript',
      { query: 'bus', video_id: 'city' },
      context,
    );
    const lines = said.ok
      ? (said.result as { results: { start: number; speaker?: string }[] }).results
      : [];
    expect(lines.find((l) => l.start === 5)?.speaker).toBe('Dana');
    const only = await executeTool(
      'search_transcript',
      { query: 'city', video_id: 'city', speaker: 'second' },
      context,
    );
    const second = only.ok ? (only.result as { results: { speaker?: string }[] }).results : [];
    expect(second.length).toBeGreaterThan(0);
    expect(second.every((l) => l.speaker === 'Speaker 2')).toBe(true);
    const overview = await executeTool('get_video_overview', { video_id: 'city' }, context);
    expect(
      overview.ok && (overview.result as { videos: { speakers: unknown }[] }).videos[0]?.speakers,
    ).toEqual([
      { name: 'Dana', seconds: 22.5, turns: 2 },
      { name: 'Speaker 2', seconds: 17.5, turns: 2 },
    ]);
    const vtt = await (await exportVideo('city', 'vtt', {}, db)).text();
    expect(vtt).toContain('<v Dana>Welcome to the city tour.');
    expect(vtt).toContain('<v Speaker 2>The buses run every ten minutes.');

    await saveSpeakerTurns({ videoId: 'city', turns: TURNS, speakers: 2, lineage: LINEAGE });
    expect((await getSpeakers('city'))?.names).toEqual({ 1: 'Dana' });
    await renameSpeaker('city', 1, '');
    expect((await getSpeakers('city'))?.names).toEqual({});
    await expect(renameSpeaker('city', 7, 'Sam')).rejects.toThrow(UnknownSpeakerError);
  });

  it('keeps the names in a backup, and a restore brings them back', async () => {
    await renameSpeaker('city', 2, 'Sam');
    const backup = await exportBackup();
    await emptyLibrary();
    expect(await getSpeakers('city')).toBeUndefined();
    await importBackup(backup);
    expect(await getSpeakers('city')).toMatchObject({ turns: TURNS, names: { 2: 'Sam' } });
  });
});
