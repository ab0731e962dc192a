import { describe, expect, it } from 'vitest';
import { frameUrlCache } from '../../../src/tools/frame-urls';

describe('frameUrlCache', () => {
  it('one URL per frame; past the limit the least recently used is revoked', () => {
    const revoked: string[] = [];
    let made = 0;
    const urlFor = frameUrlCache(
      2,
      () => `blob:${++made}`,
      (url) => revoked.push(url),
    );
    const frame = new Blob(['x']);
    expect(urlFor('v@1', frame)).toBe('blob:1');
    expect(urlFor('v@1', frame)).toBe('blob:1');
    expect(urlFor('v@2', frame)).toBe('blob:2');
    expect(urlFor('v@1', frame)).toBe('blob:1'); // used again: now the most recent
    expect(urlFor('v@3', frame)).toBe('blob:3');
    expect(revoked).toEqual(['blob:2']);
    expect(made).toBe(3);
  });

  it('a real object URL per frame, revoked when evicted (the Blob can then go)', () => {
    const urlFor = frameUrlCache(1);
    const first = urlFor('v@1', new Blob(['a']));
    expect(first).toMatch(/^blob:/);
    urlFor('v@2', new Blob(['b']));
    expect(urlFor('v@1', new Blob(['a']))).not.toBe(first);
  });
});
