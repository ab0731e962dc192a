import { afterEach, describe, expect, it } from 'vitest';
import { db, putStage, type StageRecord } from '../../../src/db';
import { lookAtSpanFirst } from '../../../src/pipeline/span-first';
import { STAGE_NAMES, type StageName } from '../../../src/shared/stages';
import { video } from '../db/video-fixture';

const row = (stage: StageName, state: StageRecord['state']): StageRecord => ({
  videoId: 'v',
  stage,
  state,
  progress: state === 'done' ? 1 : 0,
  detail: null,
  stats: {},
  updatedAt: 1,
});

afterEach(async () => {
  await db.stages.clear();
});

describe('lookAtSpanFirst', () => {
  const span = { start: 2, end: 8 };
  const signal = new AbortController().signal;

  it('starts nothing the queue does not hold: no stage run, or every one failed or cancelled', async () => {
    let started = false;
    const onStart = () => (started = true);
    expect(await lookAtSpanFirst(video('v', 1), span, signal, onStart)).toBeNull();
    for (const [i, stage] of STAGE_NAMES.entries())
      await putStage(row(stage, i % 2 ? 'failed' : 'cancelled'));
    expect(await lookAtSpanFirst(video('v', 1), span, signal, onStart)).toBeNull();
    expect(started).toBe(false);
  });

  it('has nothing to do where the stages are done', async () => {
    for (const stage of STAGE_NAMES) await putStage(row(stage, 'done'));
    expect(await lookAtSpanFirst(video('v', 1), span, signal)).toBeNull();
  });

  it('leaves the picture alone while the frames stage is not there to sample or keep frames', async () => {
    // Frames failed, the frame models queued: no frames to look at; no sound stage queued.
    await putStage(row('frames', 'failed'));
    for (const stage of ['objects', 'text', 'captions'] as const)
      await putStage(row(stage, 'queued'));
    expect(await lookAtSpanFirst(video('v', 1), span, signal)).toBeNull();
  });
});
