import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db, deleteVideoRows, listVideos, readVideoRows } from '../../../src/db';
import { readArchive, writeArchive } from '../../../src/library/backup/archive-format';
import { exportBackup, importBackup } from '../../../src/library/backup/backup-library';
import { executeTool } from '../../../src/tools/registry';
import { seedCity, testContext } from '../tools/seeded-library';

/** Tool calls whose answers a restored library must reproduce exactly. */
const CALLS: [string, object][] = [
  ['find_object', { label: 'people' }],
  ['search_transcript', { query: 'public transport' }],
  ['search_frames', { query: 'a bus' }],
  ['search_on_screen_text', { query: 'public transport' }],
  ['get_context_at', { t: 25 }],
  ['get_video_overview', {}],
];

const answers = () =>
  Promise.all(CALLS.map(([name, args]) => executeTool(name, args, testContext(db))));

async function emptyLibrary() {
  for (const video of await listVideos()) await deleteVideoRows(video.id);
}

describe('archive format', () => {
  it('round-trips JSON with Blobs and Int8Arrays inside', async () => {
    const content = {
      a: [1, 'x', null],
      blob: new Blob(['hello'], { type: 'text/plain' }),
      v: Int8Array.from([-128, 0, 127]),
    };
    const back = (await readArchive(writeArchive(content))) as typeof content;
    expect(back.a).toEqual([1, 'x', null]);
    expect(await back.blob.text()).toBe('hello');
    expect(back.blob.type).toBe('text/plain');
    expect(Array.from(back.v)).toEqual([-128, 0, 127]);
  });

  it('refuses other files and cut-short backups in plain words', async () => {
    await expect(readArchive(new Blob(['not a backup at all']))).rejects.toThrow(
      'This file is not a BRI backup (.bri).',
    );
    const whole = writeArchive({ blob: new Blob([new Uint8Array(1000)]) });
    await expect(readArchive(whole.slice(0, whole.size - 10))).rejects.toThrow(/cut short/);
  });
});

describe('backup and restore', () => {
  beforeEach(async () => {
    await emptyLibrary();
    await seedCity(db);
    await db.videoBlobs.put({ videoId: 'city', blob: new Blob(['the video bytes']) });
  });
  afterEach(emptyLibrary);

  it('restores every row and the file into an empty library, and the tools answer the same', async () => {
    const before = await answers();
    const rowsBefore = await readVideoRows('city');
    const backup = await exportBackup();
    await emptyLibrary();
    expect(await listVideos()).toEqual([]);

    expect(await importBackup(backup)).toEqual({
      imported: [{ id: 'city', name: 'city.mp4' }],
      skipped: [],
    });
    expect(await answers()).toEqual(before);
    const rowsAfter = await readVideoRows('city');
    expect(Object.keys(rowsAfter)).toEqual(Object.keys(rowsBefore));
    for (const table of Object.keys(rowsBefore) as (keyof typeof rowsBefore)[]) {
      expect(rowsAfter[table].length, table).toBe(rowsBefore[table].length);
    }
    expect(await (await db.videoBlobs.get('city'))?.blob.text()).toBe('the video bytes');
  });

  it('skips a video already in the library, and restores half-done stages as stopped', async () => {
    await db.stages.update(['city', 'captions'], { state: 'running' });
    const backup = await exportBackup(['city']);
    expect(await importBackup(backup)).toEqual({
      imported: [],
      skipped: [{ id: 'city', name: 'city.mp4', reason: '“city.mp4” is already in your library.' }],
    });
    await emptyLibrary();
    await importBackup(backup);
    expect(await db.stages.get(['city', 'captions'])).toMatchObject({
      state: 'cancelled',
      detail: 'Stopped when the backup was made: choose “Analyse again” to finish it.',
    });
  });

  it('restores nothing of a video whose rows fail their checks', async () => {
    const backup = await exportBackup();
    const content = (await readArchive(backup)) as {
      videos: { rows: { captions: { confidence: number }[] } }[];
    };
    content.videos[0]!.rows.captions[3]!.confidence = 2;
    await emptyLibrary();
    const result = await importBackup(writeArchive(content));
    expect(result.imported).toEqual([]);
    expect(result.skipped[0]?.reason).toMatch(/^A captions row was not saved: confidence/);
    expect(await listVideos()).toEqual([]);
    expect(await db.frames.count()).toBe(0);
    expect(await db.videoBlobs.count()).toBe(0);
  });

  it('refuses a .bri of another format version without touching the library', async () => {
    const content = (await readArchive(await exportBackup())) as { version: number };
    content.version = 99;
    await expect(importBackup(writeArchive(content))).rejects.toThrow(
      'This backup was made by a different version of BRI, or it is damaged: nothing was imported.',
    );
    expect((await listVideos()).map((v) => v.id)).toEqual(['city']);
  });
});
