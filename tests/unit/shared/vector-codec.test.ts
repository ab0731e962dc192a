import { describe, expect, it } from 'vitest';
import { dequantize, dotQuantized, normalize, quantize } from '../../../src/shared/vector-codec';

/** A deterministic pseudo-random vector (no Math.random: failures must reproduce). */
function vector(seed: number, length = 384): Float32Array {
  let state = seed;
  return Float32Array.from({ length }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 30 - 1;
  });
}

function dot(a: Float32Array, b: Float32Array): number {
  return a.reduce((sum, v, i) => sum + v * (b[i] ?? 0), 0);
}

describe('vector codec', () => {
  it('normalizes to unit length and leaves a zero vector at zero', () => {
    const unit = normalize(Float32Array.from([3, 4]));
    expect(Array.from(unit)).toEqual([expect.closeTo(0.6, 6), expect.closeTo(0.8, 6)]);
    expect(Array.from(normalize(new Float32Array(3)))).toEqual([0, 0, 0]);
  });

  it('maps the largest component to ±127 and decodes within half a step', () => {
    const original = Float32Array.from([0.5, -1, 0.25, 0]);
    const q = quantize(original);
    expect(Array.from(q.values)).toEqual([64, -127, 32, 0]);
    const decoded = dequantize(q);
    original.forEach((v, i) =>
      expect(Math.abs((decoded[i] ?? 0) - v)).toBeLessThanOrEqual(q.scale / 2),
    );
  });

  it('keeps cosine similarity of unit vectors to two decimals', () => {
    for (const [s1, s2] of [
      [1, 2],
      [3, 4],
      [5, 5],
    ] as const) {
      const a = normalize(vector(s1));
      const b = normalize(vector(s2));
      expect(dotQuantized(quantize(a), quantize(b))).toBeCloseTo(dot(a, b), 2);
    }
  });

  it('refuses vectors of different lengths', () => {
    expect(() => dotQuantized(quantize(vector(1, 3)), quantize(vector(1, 4)))).toThrow(RangeError);
  });
});
