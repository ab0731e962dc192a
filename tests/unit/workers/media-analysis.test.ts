import { describe, expect, it } from 'vitest';
import { StreamingResampler, TARGET_RATE, downmix } from '../../../workers/lib/audio/resample';
import { planSampling, stepFilter } from '../../../workers/lib/frames/sample-plan';
import {
  CUT_THRESHOLD,
  CutDetector,
  frameDistance,
  signatureOf,
} from '../../../workers/lib/frames/scene-detect';
import { speechRegionsFrom } from '../../../workers/lib/vad/speech-regions';

function solid(r: number, g: number, b: number, pixels = 64): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(pixels * 4);
  for (let i = 0; i < pixels; i++) rgba.set([r, g, b, 255], i * 4);
  return rgba;
}

describe('planSampling', () => {
  it('stores a frame every 2 s for short videos and caps long ones at 600 frames', () => {
    expect(planSampling(300)).toEqual({
      storeInterval: 2,
      analysisInterval: 0.25,
      storeMaxSide: 384,
    });
    expect(planSampling(3600).storeInterval).toBe(6);
    expect(planSampling(36_000).storeInterval).toBe(60);
  });

  it('takes the first decoded frame at or after each analysis step, once per step', () => {
    const want = stepFilter(0.023, 0.25);
    const times = [0.023, 0.056, 0.156, 0.256, 0.29, 0.523, 1.3, 1.31, 1.523];
    expect(times.filter(want)).toEqual([0.023, 0.29, 0.523, 1.3, 1.523]);
  });
});

describe('scene detection', () => {
  it('sees no change between identical frames and a large one between different pictures', () => {
    const red = signatureOf(solid(200, 30, 30));
    expect(frameDistance(red, signatureOf(solid(200, 30, 30)))).toBe(0);
    expect(frameDistance(red, signatureOf(solid(30, 30, 200)))).toBeGreaterThan(CUT_THRESHOLD);
  });

  it('notices a changed picture with the same palette (grey difference)', () => {
    const half = solid(0, 0, 0);
    half.fill(255, 0, half.length / 2);
    const flipped = solid(0, 0, 0);
    flipped.fill(255, flipped.length / 2);
    expect(frameDistance(signatureOf(half), signatureOf(flipped))).toBeGreaterThan(0.9);
  });

  it('reports a cut only on the first frame of a new shot', () => {
    const detector = new CutDetector();
    const shots = [
      solid(10, 10, 10),
      solid(12, 10, 10),
      solid(240, 240, 240),
      solid(238, 240, 240),
    ];
    expect(shots.map((s) => detector.isCut(signatureOf(s)))).toEqual([false, false, true, false]);
  });
});

describe('StreamingResampler', () => {
  it('turns 1 s of 44.1 kHz into 1 s of 16 kHz, whatever the chunking', () => {
    const input = Float32Array.from({ length: 44_100 }, (_, i) =>
      Math.sin((2 * Math.PI * 440 * i) / 44_100),
    );
    const whole = new StreamingResampler(44_100).push(input);
    const chunked = new StreamingResampler(44_100);
    const parts = [0, 1000, 7777, 30_000, 44_100]
      .slice(1)
      .map((end, i, ends) => chunked.push(input.subarray(i === 0 ? 0 : ends[i - 1], end)));
    const joined = Float32Array.from(parts.flatMap((p) => Array.from(p)));
    expect(Math.abs(whole.length - TARGET_RATE)).toBeLessThanOrEqual(2);
    expect(joined.length).toBe(whole.length);
    joined.forEach((v, i) => expect(v).toBeCloseTo(whole[i] ?? NaN, 5));
  });

  it('keeps a 440 Hz tone at 440 Hz', () => {
    const input = Float32Array.from({ length: 48_000 }, (_, i) =>
      Math.sin((2 * Math.PI * 440 * i) / 48_000),
    );
    const out = new StreamingResampler(48_000).push(input);
    let crossings = 0;
    for (let i = 1; i < out.length; i++)
      if ((out[i - 1] ?? 0) < 0 && (out[i] ?? 0) >= 0) crossings++;
    expect(crossings).toBeGreaterThanOrEqual(439);
    expect(crossings).toBeLessThanOrEqual(441);
  });

  it('averages channels when downmixing', () => {
    expect(Array.from(downmix([Float32Array.from([1, 0]), Float32Array.from([0, 1])]))).toEqual([
      0.5, 0.5,
    ]);
  });
});

describe('speechRegionsFrom', () => {
  const frame = 0.032;
  const probabilities = (pattern: [number, number][]) =>
    pattern.flatMap(([p, seconds]) => Array(Math.round(seconds / frame)).fill(p));

  it('finds speech with hysteresis, pads it and clamps to the video', () => {
    const regions = speechRegionsFrom(
      probabilities([
        [0.1, 1],
        [0.9, 2],
        [0.1, 1],
      ]),
      frame,
      4,
    );
    expect(regions).toHaveLength(1);
    expect(regions[0]?.start).toBeCloseTo(1 - 0.15, 1);
    expect(regions[0]?.end).toBeCloseTo(3 + 0.15, 1);
  });

  it('splits at pauses of 0.4 s or more, keeps shorter dips inside', () => {
    const split = speechRegionsFrom(
      probabilities([
        [0.9, 1],
        [0.05, 0.8],
        [0.9, 1],
      ]),
      frame,
      3,
    );
    expect(split).toHaveLength(2);
    const joined = speechRegionsFrom(
      probabilities([
        [0.9, 1],
        [0.05, 0.2],
        [0.9, 1],
      ]),
      frame,
      3,
    );
    expect(joined).toHaveLength(1);
  });

  it('drops blips shorter than 0.25 s and honours the offset', () => {
    expect(
      speechRegionsFrom(
        probabilities([
          [0.1, 1],
          [0.9, 0.1],
          [0.1, 1],
        ]),
        frame,
        3,
      ),
    ).toEqual([]);
    const [region] = speechRegionsFrom(
      probabilities([
        [0.9, 1],
        [0.1, 1],
      ]),
      frame,
      20,
      undefined,
      10,
    );
    expect(region?.start).toBeCloseTo(9.85, 2);
  });
});
