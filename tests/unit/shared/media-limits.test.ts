import { describe, expect, it } from 'vitest';
import { MEDIA_LIMITS, findLimitBreach } from '../../../src/shared/media-limits';
import { VideoOutOfRangeError } from '../../../src/library/refusal-errors';

const NORMAL = { duration: 300, width: 1920, height: 1080, fps: 30, audioSampleRate: 48_000 };

describe('findLimitBreach', () => {
  it('passes what phones, cameras and screen recorders make', () => {
    expect(findLimitBreach(NORMAL)).toBeNull();
    expect(findLimitBreach({ ...NORMAL, width: 7680, height: 4320, fps: 240 })).toBeNull();
    expect(findLimitBreach({ ...NORMAL, duration: 9 * 3600, audioSampleRate: null })).toBeNull();
    expect(findLimitBreach({ ...NORMAL, fps: 0 })).toBeNull(); // unknown rate, not a breach
  });

  it.each([
    [{ duration: 0 }, { limit: 'empty' }],
    [{ duration: Number.NaN }, { limit: 'empty' }],
    [{ duration: 120_000 }, { limit: 'duration', seconds: 120_000 }],
    [
      { width: 64, height: 8448 },
      { limit: 'resolution', width: 64, height: 8448 },
    ],
    [{ fps: 2000 }, { limit: 'frameRate', fps: 2000 }],
    [{ audioSampleRate: 768_000 }, { limit: 'sampleRate', hz: 768_000 }],
  ])('%o is past a limit: %o', (figures, breach) => {
    expect(findLimitBreach({ ...NORMAL, ...figures })).toEqual(breach);
  });

  it('says each limit in its own words, with the figure and the limit', () => {
    const say = (figures: Partial<typeof NORMAL>) => {
      const breach = findLimitBreach({ ...NORMAL, ...figures });
      if (!breach) throw new Error('expected a breach');
      return new VideoOutOfRangeError('x.mp4', breach).message;
    };
    const messages = [
      say({ duration: 0 }),
      say({ duration: 120_000 }),
      say({ width: 8448, height: 64 }),
      say({ fps: 2000 }),
      say({ audioSampleRate: 768_000 }),
    ];
    expect(new Set(messages).size).toBe(messages.length);
    expect(messages[1]).toContain('is 33 h 20 min long; BRI indexes videos up to 24 hours');
    expect(messages[2]).toContain(
      `8448 × 64 pixels; BRI handles pictures up to 8K (${MEDIA_LIMITS.maxSidePx}`,
    );
    expect(messages[3]).toContain('plays 2000 frames a second; BRI handles up to 1000');
    expect(messages[4]).toContain('audio at 768 kHz; BRI handles audio up to 384 kHz');
  });
});
