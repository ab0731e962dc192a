import { describe, expect, it } from 'vitest';
import { CALLS_PER_MINUTE, callLimiter } from '../../../src/webmcp/call-limits';

describe('callLimiter', () => {
  it('admits CALLS_PER_MINUTE calls in any minute, then says when to try again', () => {
    let now = 1_000;
    const { admit } = callLimiter(() => now);
    for (let i = 0; i < CALLS_PER_MINUTE; i++) {
      expect(admit('search_transcript')).toBeNull();
      now += 100;
    }
    expect(admit('get_frame')).toBe(
      `Too many calls: at most ${CALLS_PER_MINUTE} calls to BRI’s tools a minute. Try again in 54 s.`,
    );
    now = 61_000; // the first call has left the window
    expect(admit('get_frame')).toBeNull();
  });

  it('gives look_again its own lower cap without blocking the other tools', () => {
    const now = 0;
    const { admit } = callLimiter(() => now);
    for (let i = 0; i < 6; i++) expect(admit('look_again')).toBeNull();
    expect(admit('look_again')).toMatch(/^Too many calls: at most 6 look_again calls a minute/);
    expect(admit('find_object')).toBeNull();
  });
});
