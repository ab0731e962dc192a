import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addChatTurn, BriDatabase, putStage } from '../../../../src/db';
import {
  exportFileName,
  exportVideo,
  NothingToExportError,
} from '../../../../src/library/exports/export-video';
import { poster, video } from '../../db/video-fixture';
import { seedCity } from '../../tools/seeded-library';

let db: BriDatabase;
beforeEach(async () => {
  db = new BriDatabase(`export-${Math.random()}`);
  await seedCity(db);
});
afterEach(() => db.delete());

describe('exportVideo', () => {
  it('makes SRT subtitles of the transcript, one cue per segment in order', async () => {
    const blob = await exportVideo('city', 'srt', {}, db);
    expect(blob.type).toBe('application/x-subrip');
    const cues = (await blob.text()).trim().split('\n\n');
    expect(cues).toHaveLength(5);
    expect(cues[0]).toBe('1\n00:00:00,000 --> 00:00:05,000\nWelcome to the city tour.');
    expect(cues[4]).toBe(
      '5\n00:00:30,000 --> 00:00:40,000\nPublic transport keeps the city moving.',
    );
  });

  it('makes WebVTT with the same cues', async () => {
    const text = await (await exportVideo('city', 'vtt', {}, db)).text();
    expect(text.startsWith('WEBVTT\n\n00:00:00.000 --> 00:00:05.000\nWelcome')).toBe(true);
    expect(text.match(/-->/g)).toHaveLength(5);
  });

  it('writes notes: summary, chapters from scenes, and the conversation', async () => {
    await addChatTurn(
      {
        videoId: 'city',
        question: 'When is the bus there?',
        answer: 'The bus is there from [00:05] to [00:15].',
        citations: [{ video_id: 'city', t: 5, label: '[00:05]' }],
        toolCalls: [],
        suggestions: [],
        mode: 'tools',
        createdAt: 10,
      },
      db,
    );
    const md = await (await exportVideo('city', 'md', {}, db)).text();
    expect(md).toContain('# city.mp4');
    expect(md).toContain('- Length: 1:00');
    expect(md).toContain('- Spoken language: en');
    expect(md).toMatch(/- Seen most: person \(\d+:\d\d\), bus/);
    expect(md).toContain('“Summary”');
    expect(md).toContain('## Chapters\n\n- [00:00] a blue bus on a city street');
    expect(md).toContain('### When is the bus there?\n\nThe bus is there from [00:05] to [00:15].');
    expect(md).not.toContain('Not analysed yet');
  });

  it('says in the notes which analyses are still to come', async () => {
    await putStage(
      {
        videoId: 'city',
        stage: 'captions',
        state: 'running',
        progress: 0.4,
        detail: null,
        stats: {},
        updatedAt: 2,
      },
      db,
    );
    const md = await (await exportVideo('city', 'md', {}, db)).text();
    expect(md).toContain('- Not analysed yet: captions (running)');
  });

  it('refuses subtitles of a video with no transcript, in plain words', async () => {
    await db.videos.add({ ...video('silent', 3), duration: 10 });
    await db.posters.put(poster('silent'));
    await expect(exportVideo('silent', 'srt', {}, db)).rejects.toThrow(NothingToExportError);
    await expect(exportVideo('silent', 'srt', {}, db)).rejects.toThrow(/no transcript/);
  });

  it('rejects an unknown video', async () => {
    await expect(exportVideo('nope', 'md', {}, db)).rejects.toThrow('No video with id nope');
  });

  it('rejects a format it does not know (automation passes any string)', async () => {
    await expect(exportVideo('city', 'pdf' as never, {}, db)).rejects.toThrow(
      'Unknown export format pdf',
    );
  });
});

describe('exportFileName', () => {
  it('names the download after the video', () => {
    expect(exportFileName('lecture-5min.mp4', 'srt')).toBe('lecture-5min.srt');
    expect(exportFileName('talk', 'md')).toBe('talk.md');
    expect(exportFileName('a.b.webm', 'index')).toBe('a.b.bri');
  });
});
