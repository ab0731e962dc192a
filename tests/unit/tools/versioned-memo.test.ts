import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoByVersion } from '../../../src/tools/versioned-memo';

const MB = 1024 ** 2;

/** Keeps `key` at `version`, counting how often it had to be computed. */
function keep(key: string, version: string, bytes: number, computed: string[]) {
  return memoByVersion(
    key,
    version,
    async () => {
      computed.push(`${key}@${version}`);
      return bytes;
    },
    (size) => size,
  );
}

describe('memoByVersion', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps a value until its version changes', async () => {
    const computed: string[] = [];
    await keep('memo-a', '1', MB, computed);
    await keep('memo-a', '1', MB, computed);
    await keep('memo-a', '2', MB, computed);
    expect(computed).toEqual(['memo-a@1', 'memo-a@2']);
  });

  it("forgets the least recently used first once the device's budget is spent", async () => {
    // 0.25 GB of device memory: a budget of 8 MB.
    vi.stubGlobal('navigator', { deviceMemory: 0.25 });
    const computed: string[] = [];
    for (const key of ['b1', 'b2']) await keep(key, '1', 3 * MB, computed);
    await keep('b1', '1', 3 * MB, computed); // b1 used again: b2 is now the oldest.
    await keep('b3', '1', 3 * MB, computed); // 9 MB > 8 MB: b2 goes.
    await new Promise((resolve) => setTimeout(resolve));
    computed.length = 0;
    for (const key of ['b1', 'b3', 'b2']) await keep(key, '1', 3 * MB, computed);
    expect(computed).toEqual(['b2@1']);
  });

  it('computes again after a failure instead of keeping it', async () => {
    let calls = 0;
    const failing = () =>
      memoByVersion('memo-fail', '1', async () => {
        calls++;
        throw new Error('IndexedDB read failed');
      });
    await expect(failing()).rejects.toThrow('IndexedDB read failed');
    await new Promise((resolve) => setTimeout(resolve));
    await expect(failing()).rejects.toThrow('IndexedDB read failed');
    expect(calls).toBe(2);
  });
});
