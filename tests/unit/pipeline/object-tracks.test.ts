import { describe, expect, it } from 'vitest';
import { mergeDetectionRanges } from '../../../src/pipeline/object-tracks';

const seen = (t: number, ...objects: [string, number][]) => ({
  t,
  objects: objects.map(([label, score]) => ({ label, score })),
});

describe('mergeDetectionRanges', () => {
  it('merges consecutive frames per label and bridges short gaps', () => {
    const frames = [
      seen(0, ['bus', 0.5]),
      seen(2, ['bus', 0.9], ['person', 0.4], ['person', 0.6]),
      seen(4),
      seen(6, ['bus', 0.7]),
      seen(20, ['bus', 0.8]),
    ];
    expect(mergeDetectionRanges(frames, 4)).toEqual([
      { label: 'bus', start: 0, end: 6, maxScore: 0.9, count: 3 },
      { label: 'person', start: 2, end: 2, maxScore: 0.6, count: 2 },
      { label: 'bus', start: 20, end: 20, maxScore: 0.8, count: 1 },
    ]);
  });

  it('does not depend on the order frames arrive in', () => {
    const frames = [seen(4, ['tie', 0.5]), seen(0, ['tie', 0.6]), seen(2, ['tie', 0.7])];
    expect(mergeDetectionRanges(frames, 2)).toEqual([
      { label: 'tie', start: 0, end: 4, maxScore: 0.7, count: 3 },
    ]);
  });

  it('returns nothing for frames without objects', () => {
    expect(mergeDetectionRanges([seen(0), seen(2)], 4)).toEqual([]);
  });
});
