import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BriDatabase, clearStageRows, deleteVideoRows } from '../../../src/db';
import { executeTool } from '../../../src/tools/registry';
import type { FreshLook, ToolContext } from '../../../src/tools/tool';
import { seedCity, testContext } from './seeded-library';

describe('the tool-result cache', () => {
  let db: BriDatabase;
  let looks: number[][];
  let models: string;
  let unavailable: FreshLook['unavailable'];
  let context: ToolContext;
  beforeEach(async () => {
    db = new BriDatabase(`test-${crypto.randomUUID()}`);
    await seedCity(db);
    looks = [];
    models = 'detect=yolox@1';
    unavailable = [];
    context = testContext(db, {
      lookAt: async (_id, times) => {
        looks.push(times);
        return times.map((t) => ({
          t,
          width: 1,
          height: 1,
          objects: [],
          text: [],
          caption: 'x',
          unavailable,
        }));
      },
      resultCache: { modelVersion: (roles) => `${roles.join('+')}:${models}` },
    });
  });
  afterEach(() => db.delete());

  const lookAgain = (args: object = { t: 10 }) => executeTool('look_again', args, context);

  it('answers the same call again from IndexedDB, and a different call afresh', async () => {
    const first = await lookAgain();
    expect(first.ok && first.cached).toBeFalsy();
    const second = await lookAgain();
    expect(second).toEqual({ ...first, cached: true });
    await lookAgain({ t: 10, question: 'a tie?' });
    expect(looks).toHaveLength(2);
    expect(await db.toolResults.count()).toBe(2);
  });

  it('recomputes when a model changes or the index changes', async () => {
    await lookAgain();
    models = 'detect=yolox@2';
    expect(await lookAgain()).toMatchObject({ ok: true });
    expect(await lookAgain()).toMatchObject({ ok: true, cached: true });
    expect(looks).toHaveLength(2);
    await db.stages.update(['city', 'captions'], { updatedAt: 2 });
    expect(await lookAgain()).toMatchObject({ ok: true });
    expect(looks).toHaveLength(3);
  });

  it("drops a video's cached results when a stage is re-run or the video is deleted", async () => {
    await lookAgain();
    await executeTool('search_transcript', { query: 'bus' }, context);
    expect(await db.toolResults.count()).toBe(2);
    await clearStageRows('city', 'objects', db);
    expect(await db.toolResults.count()).toBe(0);
    await lookAgain({ video_id: 'city', t: 10 });
    await deleteVideoRows('city', db);
    expect(await db.toolResults.count()).toBe(0);
  });

  it('keeps nothing partial: not a search made while processing, nor a look a model missed', async () => {
    await db.stages.update(['city', 'transcript'], { state: 'running' });
    await executeTool('search_transcript', { query: 'bus' }, context);
    unavailable = [{ model: 'ocr', reason: 'offline' }];
    await lookAgain();
    expect(await db.toolResults.count()).toBe(0);
  });
});
