import { describe, expect, it } from 'vitest';
import { fitWithin, posterTime } from '../../../workers/lib/encode-poster';
import { parseFrameRate } from '../../../workers/lib/ffmpeg-probe';

describe('parseFrameRate', () => {
  it.each([
    ['25/1', 25],
    ['30000/1001', 29.97],
    ['0/0', 0],
    [undefined, 0],
  ])('%s → %s', (rate, fps) => expect(parseFrameRate(rate)).toBe(fps));
});

describe('fitWithin', () => {
  it('scales the long side down and keeps even dimensions', () => {
    expect(fitWithin(1280, 720, 480)).toEqual({ width: 480, height: 270 });
    expect(fitWithin(720, 1280, 480)).toEqual({ width: 270, height: 480 });
  });

  it('never scales up', () => {
    expect(fitWithin(320, 240, 480)).toEqual({ width: 320, height: 240 });
  });
});

describe('posterTime', () => {
  it('takes 10 % in, at most 10 s', () => {
    expect(posterTime(11.04)).toBeCloseTo(1.104);
    expect(posterTime(300)).toBe(10);
  });
});
