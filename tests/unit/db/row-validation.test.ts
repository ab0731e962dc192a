import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BriDatabase,
  addVideo,
  listCaptions,
  listTranscript,
  putCaption,
  putTranscriptChunk,
} from '../../../src/db';
import { poster, video } from './video-fixture';

const LINEAGE = {
  tool: 't',
  version: '1',
  parameters: {},
  device: 'wasm',
  appVersion: 'test',
} as const;
const VIDEO = { ...video('v', 1), duration: 10 };
const POSTER = poster('v');

const caption = (t: number, confidence: number) => ({
  videoId: 'v',
  t,
  caption: 'a bus',
  confidence,
  lineage: LINEAGE,
});

const segment = (start: number, end: number, words = [{ text: 'hi', start, end }]) => ({
  videoId: 'v',
  chunkStart: 0,
  index: 0,
  start,
  end,
  text: 'hi',
  words,
  language: 'en',
  lineage: LINEAGE,
});

const chunk = { videoId: 'v', start: 0, end: 9, segments: 1, language: 'en', lineage: LINEAGE };

describe('rows are checked before they are written', () => {
  let db: BriDatabase;
  beforeEach(async () => {
    db = new BriDatabase(`test-${crypto.randomUUID()}`);
    await addVideo(VIDEO, POSTER, null, db);
  });
  afterEach(() => db.delete());

  it('stores a valid caption', async () => {
    await putCaption(caption(2, 0.8), db);
    expect(await listCaptions('v', db)).toHaveLength(1);
  });

  it('refuses a confidence outside 0–1, naming the field', async () => {
    await expect(putCaption(caption(2, 1.5), db)).rejects.toThrow(
      /captions row was not saved: confidence/,
    );
    expect(await listCaptions('v', db)).toEqual([]);
  });

  it('refuses a time past the end of the video', async () => {
    await expect(putCaption(caption(12, 0.5), db)).rejects.toThrow(/past the end of the video/);
  });

  it('refuses a segment that ends before it starts, and stores none of its chunk', async () => {
    await expect(putTranscriptChunk(chunk, [segment(5, 4, [])], db)).rejects.toThrow(
      /start must not come after end/,
    );
    expect(await listTranscript('v', db)).toEqual([]);
  });

  it('refuses words out of order or outside their segment', async () => {
    const words = [
      { text: 'b', start: 3, end: 3.5 },
      { text: 'a', start: 2, end: 2.5 },
    ];
    await expect(putTranscriptChunk(chunk, [segment(2, 4, words)], db)).rejects.toThrow(
      /word timestamps must be in order/,
    );
    await putTranscriptChunk(chunk, [segment(2, 4, [...words].reverse())], db);
    expect(await listTranscript('v', db)).toHaveLength(1);
  });
});
