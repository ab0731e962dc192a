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

  it('finds a cut between two similar still shots, but not a jump of the same size in a moving one', () => {
    // Same colours throughout (histograms alike); the grey level changes by `step` each frame.
    const grey = (level: number) => ({
      histogram: new Float32Array(48).fill(1 / 48),
      grey: new Float32Array(64).fill(level),
    });
    const still = new CutDetector();
    const stillShots = [0.5, 0.5, 0.5, 0.5, 0.72, 0.72, 0.72].map((level) =>
      still.isCut(grey(level)),
    );
    // 0.22 is under the fixed threshold (0.3), yet stands out from a shot that doesn't move.
    expect(stillShots).toEqual([false, false, false, false, true, false, false]);
    const moving = new CutDetector();
    const movingShot = [0.5, 0.58, 0.5, 0.58, 0.5, 0.72].map((level) => moving.isCut(grey(level)));
    expect(movingShot.every((cut) => !cut)).toBe(true);
  });
});

/** A sine of `hz` at `rate`, `seconds` long. */
const tone = (hz: number, rate: number, seconds = 1) =>
  Float32Array.from({ length: rate * seconds }, (_, i) => Math.sin((2 * Math.PI * hz * i) / rate));

/** Everything a resampler makes of `input`: pushed in one go, then finished. */
function resampleAll(rate: number, input: Float32Array): Float32Array {
  const resampler = new StreamingResampler(rate);
  const body = resampler.push(input);
  const tail = resampler.finish();
  return Float32Array.from([...body, ...tail]);
}

/** RMS level in dB relative to a full-scale sine, away from the edges (filter warm-up). */
function levelDb(samples: Float32Array): number {
  const middle = samples.subarray(400, samples.length - 400);
  const rms = Math.sqrt(middle.reduce((sum, v) => sum + v * v, 0) / middle.length);
  return 20 * Math.log10(rms / Math.SQRT1_2);
}

describe('StreamingResampler', () => {
  it('turns 1 s of 44.1 kHz into 1 s of 16 kHz, whatever the chunking', () => {
    const input = tone(440, 44_100);
    const whole = resampleAll(44_100, input);
    const chunked = new StreamingResampler(44_100);
    const parts = [0, 1000, 7777, 30_000, 44_100]
      .slice(1)
      .map((end, i, ends) => chunked.push(input.subarray(i === 0 ? 0 : ends[i - 1], end)));
    parts.push(chunked.finish());
    const joined = Float32Array.from(parts.flatMap((p) => Array.from(p)));
    expect(whole.length).toBe(TARGET_RATE);
    expect(joined.length).toBe(whole.length);
    joined.forEach((v, i) => expect(v).toBeCloseTo(whole[i] ?? NaN, 5));
  });

  it('keeps a 440 Hz tone at 440 Hz', () => {
    const out = resampleAll(48_000, tone(440, 48_000));
    let crossings = 0;
    for (let i = 1; i < out.length; i++)
      if ((out[i - 1] ?? 0) < 0 && (out[i] ?? 0) >= 0) crossings++;
    expect(crossings).toBeGreaterThanOrEqual(439);
    expect(crossings).toBeLessThanOrEqual(441);
  });

  it('anti-aliases: a 10 kHz tone at 48 kHz comes out at least 40 dB down, 1 kHz within 0.5 dB', () => {
    expect(levelDb(resampleAll(48_000, tone(10_000, 48_000)))).toBeLessThan(-40);
    expect(Math.abs(levelDb(resampleAll(48_000, tone(1_000, 48_000))))).toBeLessThan(0.5);
    // The same at CD rate (a fractional ratio) and from a 96 kHz recording.
    expect(levelDb(resampleAll(44_100, tone(10_000, 44_100)))).toBeLessThan(-40);
    expect(Math.abs(levelDb(resampleAll(44_100, tone(1_000, 44_100))))).toBeLessThan(0.5);
    expect(levelDb(resampleAll(96_000, tone(12_000, 96_000)))).toBeLessThan(-40);
  });

  it('passes 16 kHz through untouched and upsamples 8 kHz phone audio', () => {
    const same = tone(1_000, TARGET_RATE);
    expect(resampleAll(TARGET_RATE, same)).toEqual(same);
    const up = resampleAll(8_000, tone(1_000, 8_000));
    expect(up.length).toBe(TARGET_RATE);
    expect(Math.abs(levelDb(up))).toBeLessThan(0.5);
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
