import { describe, expect, it } from 'vitest';
import { FocusQueue } from '../../../src/pipeline/focus-queue';

/** A job that runs until released, recording when it starts. */
function gate(started: string[], id: string) {
  let release = () => {};
  const done = new Promise<void>((resolve) => (release = resolve));
  return {
    run: () => {
      started.push(id);
      return done;
    },
    release: () => release(),
  };
}

describe('FocusQueue', () => {
  it('runs one video at a time, oldest first, the focused one next', async () => {
    const queue = new FocusQueue();
    const started: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((id) => gate(started, id));
    const finished = [
      queue.enqueue('a', a!.run),
      queue.enqueue('b', b!.run),
      queue.enqueue('c', c!.run),
    ];
    expect(started).toEqual(['a']);
    queue.focus('c');
    expect(queue.waiting()).toEqual(['c', 'b']);
    a!.release();
    await finished[0];
    await Promise.resolve();
    expect(started).toEqual(['a', 'c']);
    c!.release();
    b!.release();
    await Promise.all(finished);
    expect(started).toEqual(['a', 'c', 'b']);
  });

  it('passes a failure to its caller and goes on with the next video', async () => {
    const queue = new FocusQueue();
    const failed = queue.enqueue('a', () => Promise.reject(new Error('boom')));
    const next = queue.enqueue('b', () => Promise.resolve());
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBeUndefined();
  });
});
