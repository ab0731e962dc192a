import { describe, expect, it } from 'vitest';
import { ModelLanes } from '../../../src/pipeline/model-lanes';
import { laneCount, wasmThreads } from '../../../src/shared/wasm-threads';
import type { StageName } from '../../../src/shared/stages';

/** Starts `stages` together on `lanes`; each holds its lane until released. Returns start order. */
function startTogether(lanes: ModelLanes, stages: StageName[]) {
  const started: StageName[] = [];
  const release = new Map<StageName, () => void>();
  const done = stages.map((stage) =>
    lanes.run(stage, () => {
      started.push(stage);
      return new Promise<void>((resolve) => release.set(stage, resolve));
    }),
  );
  return { started, release, done };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('model lanes', () => {
  it('with one lane runs the quick stages first, one at a time', async () => {
    const { started, release, done } = startTogether(new ModelLanes(1), [
      'captions',
      'objects',
      'embeddings',
      'text',
    ]);
    for (const next of ['objects', 'text', 'captions', 'embeddings'] as const) {
      await tick();
      expect(started.at(-1)).toBe(next);
      release.get(next)?.();
    }
    await Promise.all(done);
    expect(started).toEqual(['objects', 'text', 'captions', 'embeddings']);
  });

  it('with two lanes starts the longest two together; media stages never wait', async () => {
    const { started, release, done } = startTogether(new ModelLanes(2), [
      'objects',
      'text',
      'captions',
      'frames',
    ]);
    await tick();
    expect(started).toEqual(['frames', 'captions', 'objects']);
    release.get('objects')?.();
    await tick();
    expect(started.at(-1)).toBe('text');
    for (const stage of ['frames', 'captions', 'text'] as const) release.get(stage)?.();
    await Promise.all(done);
  });

  it('loads ahead the model of the stage next in line while the lane is busy, once each', async () => {
    const ahead: StageName[] = [];
    const lanes = new ModelLanes(1, (stage) => ahead.push(stage));
    // The run plans these; embeddings' inputs (captions) are not ready until captions is done.
    for (const stage of ['transcript', 'objects', 'text', 'captions', 'embeddings'] as const)
      lanes.expect(stage);
    const first = startTogether(lanes, ['transcript', 'objects', 'text', 'captions']);
    await tick();
    expect(first.started).toEqual(['objects']);
    expect(ahead).toEqual(['text']);
    first.release.get('objects')?.();
    await tick();
    expect(ahead).toEqual(['text', 'transcript']);
    first.release.get('text')?.();
    await tick();
    expect(ahead).toEqual(['text', 'transcript', 'captions']);
    first.release.get('transcript')?.();
    await tick();
    // Captions runs: embeddings is next although it cannot start before captions is done.
    expect(first.started.at(-1)).toBe('captions');
    expect(ahead).toEqual(['text', 'transcript', 'captions', 'embeddings']);
    first.release.get('captions')?.();
    await Promise.all(first.done);
    const last = startTogether(lanes, ['embeddings']);
    await tick();
    last.release.get('embeddings')?.();
    await Promise.all(last.done);
    // Nothing was left to load ahead, and nothing was loaded twice.
    expect(ahead).toEqual(['text', 'transcript', 'captions', 'embeddings']);
  });

  it('loads nothing ahead while a lane is free', async () => {
    const ahead: StageName[] = [];
    const lanes = new ModelLanes(2, (stage) => ahead.push(stage));
    for (const stage of ['captions', 'objects'] as const) lanes.expect(stage);
    const { release, done } = startTogether(lanes, ['captions']);
    await tick();
    expect(ahead).toEqual([]);
    release.get('captions')?.();
    await Promise.all(done);
  });

  it('frees the lane when a stage fails', async () => {
    const lanes = new ModelLanes(1);
    await expect(lanes.run('objects', () => Promise.reject(new Error('no')))).rejects.toThrow();
    await expect(lanes.run('text', () => Promise.resolve('ran'))).resolves.toBe('ran');
  });
});

describe('WASM threads and lanes per device', () => {
  it('uses one thread without cross-origin isolation, whatever the setting', () => {
    expect(wasmThreads(false, 8, 'auto')).toBe(1);
    expect(wasmThreads(false, 8, 4)).toBe(1);
  });

  it('gives cores to threads first (up to 4), then to lanes', () => {
    expect([2, 4, 8, 16].map((cores) => wasmThreads(true, cores, 'auto'))).toEqual([2, 4, 4, 4]);
    expect(laneCount(2, 2)).toBe(1);
    expect(laneCount(8, 4)).toBe(2);
    expect(laneCount(2, 1)).toBe(2);
    expect(laneCount(1, 1)).toBe(1);
    expect(wasmThreads(true, 2, 8)).toBe(2);
    expect(wasmThreads(true, 8, 1)).toBe(1);
  });
});
