import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BriDatabase,
  dropSpanTranscript,
  finishFramesStage,
  listDetections,
  listFrames,
  listTranscript,
  listTranscriptChunks,
  putDetections,
  putFrame,
  putSpanFrame,
  putStage,
  putTranscriptChunk,
  type StageRecord,
} from '../../../src/db';
import type { Lineage } from '../../../src/shared/lineage';
import { video, webpBytes } from './video-fixture';

const LINEAGE: Lineage = {
  tool: 'test',
  version: '1',
  parameters: {},
  device: 'wasm',
  appVersion: 'test',
};
const SPAN: Lineage = { ...LINEAGE, parameters: { span: [4, 8] } };

const stage = (state: StageRecord['state']): StageRecord => ({
  videoId: 'v',
  stage: 'frames',
  state,
  progress: state === 'done' ? 1 : 0.2,
  detail: null,
  stats: {},
  updatedAt: 1,
});

const frame = <Reason extends 'interval' | 'span'>(t: number, reason: Reason) => ({
  videoId: 'v',
  t,
  blob: new Blob([webpBytes(64)], { type: 'image/webp' }),
  width: 64,
  height: 36,
  sceneIndex: 0,
  reason,
  lineage: reason === 'span' ? SPAN : LINEAGE,
});

/** One chunk of `segments` one-second segments from `start`, as the stage or a span writes it. */
function chunk(start: number, end: number, lineage: Lineage) {
  const base = { videoId: 'v', language: 'en', lineage };
  const rows = [start, start + 1].map((at, index) => ({
    ...base,
    chunkStart: start,
    index,
    start: at,
    end: at + 1,
    text: `said at ${at}`,
    words: [],
  }));
  return [{ ...base, start, end, segments: rows.length }, rows] as const;
}

let db: BriDatabase;
beforeEach(async () => {
  db = new BriDatabase(`test-${crypto.randomUUID()}`);
  await db.videos.put(video('v', 1));
});
afterEach(() => db.delete());

describe('frames sampled for a span', () => {
  it('give way, with the detections made from them, when the frames stage finishes', async () => {
    await putStage(stage('running'), db);
    await putFrame(frame(2, 'interval'), db);
    expect(await putSpanFrame(frame(5, 'span'), db)).toBe(true);
    await putDetections({ videoId: 'v', t: 5, objects: [], lineage: SPAN }, db);
    await putDetections({ videoId: 'v', t: 2, objects: [], lineage: LINEAGE }, db);
    expect((await listFrames('v', db)).map((f) => f.t)).toEqual([2, 5]);

    await finishFramesStage([], stage('done'), db);
    expect((await listFrames('v', db)).map((f) => f.t)).toEqual([2]);
    expect((await listDetections('v', db)).map((d) => d.t)).toEqual([2]);
  });

  it('are not stored once the frames stage has finished (nothing would remove them)', async () => {
    await putStage(stage('done'), db);
    expect(await putSpanFrame(frame(5, 'span'), db)).toBe(false);
    expect(await listFrames('v', db)).toEqual([]);
  });
});

describe('transcript chunks heard for a span', () => {
  it('are replaced by a stage chunk that overlaps them, and kept beside one that does not', async () => {
    await putTranscriptChunk(...chunk(4, 8, SPAN), db);
    await putTranscriptChunk(...chunk(0, 3, LINEAGE), db);
    expect((await listTranscriptChunks('v', db)).map((c) => c.start)).toEqual([0, 4]);
    await putTranscriptChunk(...chunk(3, 7, LINEAGE), db);
    expect((await listTranscriptChunks('v', db)).map((c) => c.start)).toEqual([0, 3]);
    expect((await listTranscript('v', db)).map((s) => s.text)).toEqual([
      'said at 0',
      'said at 1',
      'said at 3',
      'said at 4',
    ]);
  });

  it('all go when the stage ends, the stage’s own stay', async () => {
    await putTranscriptChunk(...chunk(0, 3, LINEAGE), db);
    await putTranscriptChunk(...chunk(6, 9, SPAN), db);
    await dropSpanTranscript('v', db);
    expect((await listTranscriptChunks('v', db)).map((c) => c.start)).toEqual([0]);
    expect(await listTranscript('v', db)).toHaveLength(2);
  });
});
