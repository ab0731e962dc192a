import { describe, expect, it } from 'vitest';
import { backgroundTurn, holdBackground } from '../../../src/pipeline/background-gate';

/** Whether `promise` has settled after the microtasks queued so far. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
}

describe('the background gate', () => {
  it('lets stages on at once when nothing is urgent', async () => {
    expect(await settled(backgroundTurn())).toBe(true);
  });

  it('holds them until every hold is released, a second release changing nothing', async () => {
    const first = holdBackground();
    const second = holdBackground();
    const waiting = backgroundTurn();
    first();
    first();
    expect(await settled(waiting)).toBe(false);
    second();
    expect(await settled(waiting)).toBe(true);
    expect(await settled(backgroundTurn())).toBe(true);
  });
});
