import { describe, expect, it } from 'vitest';
import { repairConfidence, repairScored } from '../../../src/pipeline/repair-frame-results';
import type { Box } from '../../../src/shared/frame-results';

const item = (label: string, score: number, box: Box = [1, 2, 3, 4]) => ({ label, score, box });

describe('repairing per-frame model output', () => {
  it('drops NaN scores, empty labels and unusable boxes; clamps scores and turns boxes right way out', () => {
    const { result, fixed } = repairScored(
      [
        item('bus', 0.9),
        item('dog', Number.NaN),
        item('', 0.8),
        item('cat', 0.7, [1, 2, Number.POSITIVE_INFINITY, 4]),
        item('tie', 1.3),
        item('kite', 0.5, [30, 40, 10, 20]),
      ],
      (o) => o.label,
    );
    expect(result).toEqual([item('bus', 0.9), item('tie', 1), item('kite', 0.5, [10, 20, 30, 40])]);
    expect(fixed).toBe(5);
  });

  it('keeps a caption with a NaN confidence, at 0', () => {
    expect(repairConfidence(Number.NaN)).toEqual({ result: 0, fixed: 1 });
    expect(repairConfidence(0.4)).toEqual({ result: 0.4, fixed: 0 });
    expect(repairConfidence(-2)).toEqual({ result: 0, fixed: 1 });
  });
});
