import { describe, expect, it } from 'vitest';
import { planChunks } from '../../../workers/lib/asr/chunk-plan';

describe('planChunks', () => {
  it('groups regions up to 30 s and cuts only in pauses', () => {
    const regions = [
      { start: 1, end: 10 },
      { start: 12, end: 25 },
      { start: 27, end: 35 }, // would make the chunk 34 s: starts a new one
      { start: 36, end: 40 },
    ];
    expect(planChunks(regions)).toEqual([
      { start: 1, end: 25 },
      { start: 27, end: 40 },
    ]);
  });

  it('cuts a region longer than 30 s into equal parts', () => {
    expect(planChunks([{ start: 0, end: 70 }])).toEqual([
      { start: 0, end: 23.333 },
      { start: 23.333, end: 46.667 },
      { start: 46.667, end: 70 },
    ]);
  });

  it('accepts regions in any order and no regions at all', () => {
    expect(
      planChunks([
        { start: 5, end: 6 },
        { start: 1, end: 2 },
      ]),
    ).toEqual([{ start: 1, end: 6 }]);
    expect(planChunks([])).toEqual([]);
  });
});
