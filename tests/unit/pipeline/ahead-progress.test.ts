import { afterEach, describe, expect, it } from 'vitest';
import { db, listStages, putStage, type StageRecord } from '../../../src/db';
import { aheadProgress } from '../../../src/pipeline/stage-progress';
import { currentStages } from '../../../src/pipeline/stage-events';

const row = (state: StageRecord['state']): StageRecord => ({
  videoId: 'v',
  stage: 'captions',
  state,
  progress: 0,
  detail: null,
  stats: {},
  updatedAt: 1,
});

/** Lets the un-awaited row writes land. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

afterEach(async () => {
  await db.stages.clear();
});

describe('progress of a model loading ahead of its stage', () => {
  it('shows its download on the queued stage, throttled', async () => {
    await putStage(row('queued'));
    const onProgress = aheadProgress('v', 'captions');
    onProgress({ status: 'initiate', file: 'decoder_model_merged_quantized.onnx' });
    const file = 'decoder_model_merged_quantized.onnx';
    onProgress({ status: 'progress', file, loaded: 77e6, total: 154e6 });
    // A burst of events within the throttle writes nothing more.
    onProgress({ status: 'progress', file, loaded: 78e6, total: 154e6 });
    await settle();
    const [stored] = await listStages('v');
    expect(stored).toMatchObject({
      state: 'queued',
      detail: `Loading its model ahead — Downloading ${file} 50 % (77.0 MB)`,
    });
    expect(currentStages().rows['v:captions']?.detail).toBe(stored?.detail);
    // Loaded: the card says so instead of keeping the last percentage.
    onProgress({ status: 'ready', model: 'captioner', device: 'wasm', dtype: 'q8', threads: 2 });
    await settle();
    expect((await listStages('v'))[0]?.detail).toBe('Its model is loaded; waiting for its turn.');
  });

  it('never touches a stage that has started: its own progress wins', async () => {
    await putStage(row('running'));
    aheadProgress('v', 'captions')({ status: 'progress', file: 'm.onnx', loaded: 1, total: 2 });
    await settle();
    expect((await listStages('v'))[0]).toMatchObject({ state: 'running', detail: null });
  });
});
