import { describe, expect, it } from 'vitest';
import { NoveltyTracker } from '../../../workers/lib/frames/frame-novelty';
import { THUMB_HEIGHT, THUMB_WIDTH, signatureOf } from '../../../workers/lib/frames/scene-detect';
import { planFrameReuse } from '../../../src/pipeline/frame-reuse';

type Paint = (x: number, y: number) => [number, number, number];

/** A cut-detector thumbnail painted pixel by pixel, with ±`noise` of seeded compression noise. */
function thumbnail(paint: Paint, noise = 0, seed = 1): Uint8ClampedArray {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
  const rgba = new Uint8ClampedArray(THUMB_WIDTH * THUMB_HEIGHT * 4);
  for (let y = 0; y < THUMB_HEIGHT; y++)
    for (let x = 0; x < THUMB_WIDTH; x++) {
      const [r, g, b] = paint(x, y);
      const n = Math.round(random() * noise);
      rgba.set([r + n, g + n, b + n, 255], (y * THUMB_WIDTH + x) * 4);
    }
  return rgba;
}

/** A white slide with dark text lines (2 px high rows of "words") on the given rows. */
const slide =
  (lines: number[]): Paint =>
  (x, y) =>
    lines.some((row) => y >= row && y < row + 2) && x > 6 && x < 56 && x % 5 !== 0
      ? [30, 30, 30]
      : [245, 245, 245];

/** A street: textured background, and a dark figure 8 px wide standing at `at`. */
const street =
  (at: number): Paint =>
  (x, y) =>
    x >= at && x < at + 8 && y > 10 ? [40, 30, 30] : [120 + ((x * 7 + y * 3) % 40), 110, 90];

const decide = (frames: { t: number; paint: Paint; noise?: number; cut?: boolean }[]) => {
  const tracker = new NoveltyTracker();
  return frames.map(({ t, paint, noise, cut }, i) =>
    tracker.sameAs(t, signatureOf(thumbnail(paint, noise, i + 1)), cut ?? i === 0),
  );
};

describe('frame novelty', () => {
  it('takes a held slide under compression noise as one picture', () => {
    const held = [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22].map((t) => ({
      t,
      paint: slide([8, 14]),
      noise: 6,
    }));
    // Held well past the moving-shot span: a still picture never needs a second look.
    expect(decide(held)).toEqual([undefined, ...held.slice(1).map(() => 0)]);
  });

  it('looks again when a new line of text appears on the same slide', () => {
    const built = decide([
      { t: 0, paint: slide([8]), noise: 6 },
      { t: 2, paint: slide([8]), noise: 6 },
      { t: 4, paint: slide([8, 14]), noise: 6 },
      { t: 6, paint: slide([8, 14]), noise: 6 },
      { t: 8, paint: slide([8, 14, 20]), noise: 6 },
    ]);
    expect(built).toEqual([undefined, 0, undefined, 4, undefined]);
  });

  it('looks again at a new picture without a cut (a new palette)', () => {
    const blue: Paint = () => [20, 40, 200];
    expect(
      decide([
        { t: 0, paint: slide([8]) },
        { t: 2, paint: blue },
      ]),
    ).toEqual([undefined, undefined]);
  });

  it('looks at the first frame of a shot that shows a new picture', () => {
    expect(
      decide([
        { t: 0, paint: slide([8]) },
        { t: 2, paint: street(4), cut: true },
        { t: 4, paint: slide([8, 14]), cut: true },
      ]),
    ).toEqual([undefined, undefined, undefined]);
  });

  it('reuses an earlier look when a cut comes back to a picture seen before', () => {
    // A talk cutting between the speaker and the same slide: the slide is looked at once.
    expect(
      decide([
        { t: 0, paint: slide([8]), noise: 6 },
        { t: 2, paint: street(4), noise: 4, cut: true },
        { t: 4, paint: slide([8]), noise: 6, cut: true },
        { t: 6, paint: slide([8]), noise: 6 },
      ]),
    ).toEqual([undefined, undefined, 0, 0]);
  });

  it('does not take a cut to a picture of the same brightness in other colours as seen before', () => {
    // Grey 0.37 either way: only the palette tells the red slide from the green one.
    const red: Paint = () => [200, 50, 50];
    const green: Paint = () => [0, 150, 60];
    expect(
      decide([
        { t: 0, paint: red },
        { t: 2, paint: green, cut: true },
        { t: 4, paint: red, cut: true },
      ]),
    ).toEqual([undefined, undefined, 0]);
  });

  it('reuses the looks of footage shown a second time, keeping its own reuse span', () => {
    const walk = (start: number) =>
      [0, 2, 4, 6, 8, 10, 12, 14].map((offset) => ({
        t: start + offset,
        paint: street(4 + offset * 2),
        noise: 4,
        cut: offset === 0,
      }));
    const shown = decide([...walk(0), { t: 16, paint: slide([8]), cut: true }, ...walk(18)]);
    // The first showing is looked at every 12 s; the second reuses those looks at the same
    // offsets and never looks itself (its frames in between compare with the reused look).
    const first = [undefined, 0, 0, 0, 0, 0, undefined, 12];
    expect(shown).toEqual([...first, undefined, 0, 0, 0, 0, 0, 0, 12, 12]);
  });

  it('looks at a moving shot again every reuse span, not every frame', () => {
    const walking = [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24].map((t) => ({
      t,
      paint: street(4 + t * 2),
      noise: 4,
    }));
    expect(decide(walking)).toEqual([
      undefined,
      0,
      0,
      0,
      0,
      0,
      undefined,
      12,
      12,
      12,
      12,
      12,
      undefined,
    ]);
  });

  it('takes a person walking into a still shot as new at once', () => {
    const empty = street(-100);
    expect(
      decide([
        { t: 0, paint: empty, noise: 4 },
        { t: 2, paint: empty, noise: 4 },
        { t: 4, paint: street(30), noise: 4 },
      ]),
    ).toEqual([undefined, 0, undefined]);
  });
});

describe('planFrameReuse', () => {
  it('runs the model on looked-at frames and lists who shares each result', () => {
    const plan = planFrameReuse([
      { t: 0 },
      { t: 2, sameAs: 0 },
      { t: 4, sameAs: 0 },
      { t: 6 },
      { t: 8, sameAs: 6 },
    ]);
    expect(plan.looked.map((f) => f.t)).toEqual([0, 6]);
    expect([...plan.sharers]).toEqual([
      [0, [2, 4]],
      [6, [8]],
    ]);
  });

  it('looks at a frame whose source frame is not stored, or is itself a copy', () => {
    const plan = planFrameReuse([
      { t: 2, sameAs: 0 },
      { t: 4, sameAs: 2 },
      { t: 6, sameAs: 6 },
    ]);
    expect(plan.looked.map((f) => f.t)).toEqual([2, 6]);
    expect([...plan.sharers]).toEqual([[2, [4]]]);
  });
});
