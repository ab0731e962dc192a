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

  describe('with the shots (scene cuts) known', () => {
    // Shots of 2 s: [0,2) [2,4) [4,6) [6,8); a sample every second.
    const shots = {
      scenes: [0, 2, 4, 6].map((start) => ({ start, end: start + 2 })),
      duration: 8,
    };
    const sampled = (seen: Record<number, string[]>) =>
      [0, 1, 2, 3, 4, 5, 6, 7].map((t) => ({
        t,
        objects: (seen[t] ?? []).map((label) => ({ label, score: 0.9 })),
      }));

    it('gives one sighting a range over its shot, never a zero-length one', () => {
      const ranges = mergeDetectionRanges(sampled({ 4: ['dog'] }), 2.5, shots);
      // Seen at 4 (the cut before it): from the cut; not seen at 5 (same shot): halfway there.
      expect(ranges).toEqual([{ label: 'dog', start: 4, end: 4.5, maxScore: 0.9, count: 1 }]);
    });

    it('extends to the cuts when the neighbouring samples are in other shots', () => {
      const ranges = mergeDetectionRanges(sampled({ 2: ['bus'], 3: ['bus'] }), 2.5, shots);
      expect(ranges).toEqual([{ label: 'bus', start: 2, end: 4, maxScore: 0.9, count: 2 }]);
    });

    it('keeps an object seen in neighbouring shots as one range per shot', () => {
      const seen = { 0: ['person'], 1: ['person'], 2: ['person'], 3: ['person'] };
      expect(mergeDetectionRanges(sampled(seen), 2.5, shots).map((r) => [r.start, r.end])).toEqual([
        [0, 2],
        [2, 4],
      ]);
      // Without the shots, the same sightings are one range, sample to sample.
      expect(mergeDetectionRanges(sampled(seen), 2.5).map((r) => [r.start, r.end])).toEqual([
        [0, 3],
      ]);
    });

    it('ends a range at the video’s end in the last shot', () => {
      const ranges = mergeDetectionRanges(sampled({ 7: ['kite'] }), 2.5, shots);
      expect(ranges.map((r) => [r.start, r.end])).toEqual([[6.5, 8]]);
    });
  });
});
