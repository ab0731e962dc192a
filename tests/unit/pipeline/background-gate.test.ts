import { describe, expect, it } from 'vitest';
import { backgroundTurn, holdBackground } from '../../../src/pipeline/background-gate';

/** Whether `promise` has settled after the microtasks queued so far. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
}

const running = new AbortController().signal;

describe('the background gate', () => {
  it('lets stages on at once when nothing is urgent', async () => {
    expect(await settled(backgroundTurn(running))).toBe(true);
  });

  it('holds them until every hold is released, a second release changing nothing', async () => {
    const first = holdBackground();
    const second = holdBackground();
    const waiting = backgroundTurn(running);
    first();
    first();
    expect(await settled(waiting)).toBe(false);
    second();
    expect(await settled(waiting)).toBe(true);
    expect(await settled(backgroundTurn(running))).toBe(true);
  });

  it('a stage stopped while it waited is not let on: nothing it held is stored after its end', async () => {
    const release = holdBackground();
    const stage = new AbortController();
    const waiting = backgroundTurn(stage.signal);
    const outcome = waiting.then(
      () => 'went on',
      (error: unknown) => (error as Error).name,
    );
    stage.abort(new DOMException('The video was deleted', 'AbortError'));
    release();
    expect(await outcome).toBe('AbortError');
  });
});
