import { describe, expect, it } from 'vitest';
import { localStretches, piecesOf } from '../../../workers/lib/speakers/local-speakers';
import { planWindows } from '../../../workers/lib/speakers/windows';

/** Logits with class `c` winning at each frame. */
function logitsOf(classes: number[]): Float32Array {
  const out = new Float32Array(classes.length * 7).fill(-5);
  classes.forEach((c, f) => (out[f * 7 + c] = 5));
  return out;
}

describe('localStretches', () => {
  it('reads pyannote’s powerset: alone, together (overlap kept), and short pauses bridged', () => {
    // 0.1 s frames: speaker A 0–1 s, A and B together 1–1.5 s, B alone 1.5–2.5 s, a 0.2 s
    // pause, B again to 3 s; silence; a blip of A too short to count.
    const frames = [
      ...Array(10).fill(1),
      ...Array(5).fill(4),
      ...Array(10).fill(2),
      ...Array(2).fill(0),
      ...Array(3).fill(2),
      ...Array(10).fill(0),
      ...Array(2).fill(1),
    ];
    const stretches = localStretches(logitsOf(frames), frames.length, 7, 0.1);
    expect(stretches.map(({ local, start, end }) => [local, start, +end.toFixed(2)])).toEqual([
      [0, 0, 1.5],
      [1, 1, 3],
    ]);
  });
});

describe('piecesOf', () => {
  it('cuts a stretch into pieces of at most 2 s, the last taking the remainder', () => {
    expect(piecesOf({ start: 10, end: 15 })).toEqual([
      { start: 10, end: 12.5 },
      { start: 12.5, end: 15 },
    ]);
    expect(piecesOf({ start: 0, end: 1.2 })).toEqual([{ start: 0, end: 1.2 }]);
  });
});

describe('planWindows', () => {
  it('covers the speech in back-to-back 10 s windows, joining regions a short pause apart', () => {
    expect(
      planWindows(
        [
          { start: 1, end: 8 },
          { start: 9, end: 14 },
          { start: 40, end: 45 },
        ],
        46,
      ),
    ).toEqual([
      { start: 1, end: 11 },
      { start: 11, end: 21 },
      { start: 40, end: 46 },
    ]);
  });
});
