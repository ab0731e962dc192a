import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BriDatabase,
  listStages,
  patchRunningStage,
  putStage,
  type StageRecord,
} from '../../../src/db';

const row = (state: 'running' | 'done'): StageRecord => ({
  videoId: 'v',
  stage: 'frames',
  state,
  progress: state === 'done' ? 1 : 0.5,
  detail: null,
  stats: state === 'done' ? { frames: 10 } : ({} as Record<string, number>),
  updatedAt: 1,
});

describe('progress writes on stage rows', () => {
  let db: BriDatabase;
  beforeEach(() => {
    db = new BriDatabase(`test-${crypto.randomUUID()}`);
  });
  afterEach(() => db.delete());

  it('update a running stage', async () => {
    await putStage(row('running'), db);
    const next = await patchRunningStage('v', 'frames', { progress: 0.9 }, db);
    expect(next?.progress).toBe(0.9);
    expect((await listStages('v', db))[0]).toMatchObject({ state: 'running', progress: 0.9 });
  });

  it('never turn a finished stage back into a running one (a late write is dropped)', async () => {
    await putStage(row('done'), db);
    expect(await patchRunningStage('v', 'frames', { progress: 1, detail: 'late' }, db)).toBeNull();
    expect((await listStages('v', db))[0]).toMatchObject({
      state: 'done',
      detail: null,
      stats: { frames: 10 },
    });
  });
});
