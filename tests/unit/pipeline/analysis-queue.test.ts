import { beforeEach, describe, expect, it, vi } from 'vitest';
import { addVideo, db, listStages, type StageRecord } from '../../../src/db';
import { poster, video } from '../db/video-fixture';
import type * as PinModels from '../../../src/pipeline/pin-models';

/** The media worker, mocked at its bridge: each frames run waits until the test lets it end. */
const frameRuns: { videoId: string; finish: () => void; fail: (error: Error) => void }[] = [];
const speechRuns = { count: 0 };
/** Workers the stages let go of when done, in order. */
const released: string[] = [];
vi.mock('../../../src/bridges/media', () => ({
  videoDecoder: async () => 'webcodecs',
  releaseFramesWorker: () => released.push('frames'),
  releaseSpeechWorker: () => released.push('speech'),
  detectSpeech: async () => {
    speechRuns.count++;
    return { ok: false, reason: 'no-audio' };
  },
  sampleFrames: (_signal: AbortSignal, file: Blob) =>
    new Promise((resolve, reject) => {
      void file.text().then((videoId) =>
        frameRuns.push({
          videoId,
          finish: () =>
            resolve({ scenes: [], frames: 0, plan: {}, seconds: 0.1, decoder: 'webcodecs' }),
          fail: reject,
        }),
      );
    }),
}));

/** The model pins (Hub round trips): answered when the test says, at once unless it holds them. */
const pins = { held: false, answer: () => {}, asked: 0 };
vi.mock('../../../src/pipeline/pin-models', async (original) => ({
  ...(await original<typeof PinModels>()),
  pinAnalysisModels: () => {
    pins.asked++;
    return pins.held ? new Promise<void>((resolve) => (pins.answer = resolve)) : Promise.resolve();
  },
}));

const { analyseVideo, cancelAnalysis, retryAnalysis, retryPlan } =
  await import('../../../src/pipeline/analysis-queue');

/** Stores a video whose bytes are its id (so the mock can tell the runs apart). */
async function storeVideo(id: string): Promise<void> {
  await addVideo(video(id, Date.now()), poster(id), new Blob([id]));
}

const stateOf = async (id: string) =>
  Object.fromEntries((await listStages(id)).map((row: StageRecord) => [row.stage, row.state]));

/** Waits until `check` holds (a second at most). */
async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500 && !(await check()); i++) await new Promise((r) => setTimeout(r, 2));
  expect(await check()).toBe(true);
}

describe('analysis queue', () => {
  beforeEach(async () => {
    frameRuns.length = 0;
    speechRuns.count = 0;
    released.length = 0;
    Object.assign(pins, { held: false, asked: 0 });
    await Promise.all(db.tables.map((table) => table.clear()));
  });

  it('cancels a queued video at once, without waiting for the one running ahead of it', async () => {
    await storeVideo('a');
    await storeVideo('b');
    const first = analyseVideo('a', ['frames']);
    const second = analyseVideo('b', ['frames']);
    await until(() => frameRuns.length === 1);
    await cancelAnalysis('b');
    expect(await stateOf('b')).toEqual({ frames: 'cancelled' });
    expect(await stateOf('a')).toEqual({ frames: 'running' });
    expect(released).toEqual([]);
    frameRuns[0]?.finish();
    await Promise.all([first, second]);
    expect(await stateOf('a')).toEqual({ frames: 'done' });
    // Its worker is let go as soon as the frames are in, not after the idle time.
    expect(released).toEqual(['frames']);
    // The cancelled video never reached a worker.
    expect(frameRuns.map((run) => run.videoId)).toEqual(['a']);
  });

  it('"Analyse again" re-runs the failed stage and what reads it, keeping what finished', async () => {
    await storeVideo('c');
    const run = analyseVideo('c', ['frames', 'speech']);
    await until(() => frameRuns.length === 1);
    frameRuns[0]?.fail(new Error('the decoder gave up'));
    await run;
    // A failed pass lets its worker go too; speech had found no audio track.
    expect(released.sort()).toEqual(['frames', 'speech']);
    const states = await stateOf('c');
    expect(states.frames).toBe('failed');
    // Speech reads no frames: it ran beside them (the mocked worker finds no audio track).
    expect(states.speech).toBe('skipped');
    const again = retryAnalysis('c');
    await until(() => frameRuns.length === 2);
    frameRuns[1]?.finish();
    await again;
    // The failed stage and every stage that reads frames ran (with no frames, those skip), and the
    // transcript the embeddings read came along (never run before; no audio, so skipped); speech,
    // which had finished, was not run again.
    expect(await stateOf('c')).toEqual({
      frames: 'done',
      speech: 'skipped',
      objects: 'skipped',
      text: 'skipped',
      captions: 'skipped',
      transcript: 'skipped',
      embeddings: expect.stringMatching(/done|skipped/),
    });
    expect(speechRuns.count).toBe(1);
  });
});

describe('model pins', () => {
  beforeEach(async () => {
    frameRuns.length = 0;
    Object.assign(pins, { held: true, asked: 0 });
    await Promise.all(db.tables.map((table) => table.clear()));
  });

  it('the frames start while the Hub is still asked for pins; the transcript waits for them', async () => {
    await storeVideo('d');
    const run = analyseVideo('d', ['frames', 'speech', 'transcript']);
    // The frames (chat-ready's first row) are decoding though no pin has answered.
    await until(() => frameRuns.length === 1);
    expect(pins.asked).toBe(1);
    await until(async () => (await stateOf('d')).speech === 'skipped');
    // Speech is done (no audio in the mock), yet the transcript, which loads Whisper, waits.
    expect((await stateOf('d')).transcript).toBe('queued');
    pins.answer();
    await until(async () => (await stateOf('d')).transcript === 'skipped');
    frameRuns[0]?.finish();
    await run;
  });

  it('a run of stages that load no pinned model does not ask for pins', async () => {
    await storeVideo('e');
    const run = analyseVideo('e', ['frames']);
    await until(() => frameRuns.length === 1);
    frameRuns[0]?.finish();
    await run;
    expect(pins.asked).toBe(0);
  });
});

describe('retryPlan ("Analyse again")', () => {
  const rows = (states: Record<string, StageRecord['state']>) =>
    Object.entries(states).map(([stage, state]) => ({ stage, state }) as StageRecord);

  it('a failed stage resumes from its checkpoint; the stages that read it run afresh', () => {
    const plan = retryPlan(rows({ frames: 'done', speech: 'done', transcript: 'failed' }));
    expect(plan.resume).toEqual(['transcript']);
    expect(plan.only).toEqual(['transcript', 'embeddings']);
  });

  it('a stage whose input runs again does not resume (its checkpoint came from that input)', () => {
    const plan = retryPlan(rows({ frames: 'failed', objects: 'cancelled', speech: 'done' }));
    expect(plan.resume).toEqual(['frames']);
    expect(plan.only).toContain('objects');
  });

  it('with nothing failed, everything runs again from the start', () => {
    expect(retryPlan(rows({ frames: 'done', transcript: 'done' }))).toEqual({
      only: undefined,
      resume: [],
    });
  });
});
