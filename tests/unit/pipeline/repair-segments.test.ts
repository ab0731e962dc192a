import { describe, expect, it } from 'vitest';
import { repairSegments } from '../../../src/pipeline/repair-segments';
import { ROW_SCHEMAS } from '../../../src/db/row-schemas';
import { LINEAGE } from '../tools/seeded-library';

const word = (text: string, start: number, end: number) => ({ text, start, end });

describe('repairSegments', () => {
  it('keeps good segments as they are', () => {
    const good = [
      {
        text: 'hello there',
        start: 1,
        end: 2,
        words: [word('hello', 1, 1.4), word('there', 1.5, 2)],
      },
    ];
    expect(repairSegments(good, { start: 0, end: 10 })).toEqual({
      segments: good,
      repairs: { repaired: 0, dropped: 0 },
    });
  });

  it('repairs or drops what Whisper gets wrong, so every kept row passes the writer’s schema', () => {
    const raw = [
      // Words out of order, one past the segment's end, one with NaN times.
      {
        text: 'and so my fellow',
        start: 4,
        end: 6,
        words: [
          word('so', 4.6, 5),
          word('and', 4, 4.5),
          word('fellow', 5.5, 7.2),
          word('my', NaN, 5.2),
        ],
      },
      { text: '   ', start: 6, end: 7, words: [] }, // empty text
      { text: 'Americans', start: NaN, end: 8, words: [] }, // no usable time
      { text: 'ask not', start: 9, end: 8.5, words: [] }, // runs backwards
      { text: 'what your country', start: 10.5, end: 13, words: [] }, // past the video's end
      { text: 'first', start: 1, end: 2, words: [] }, // out of order among segments
    ];
    const { segments, repairs } = repairSegments(raw, { start: 0, end: 11.04 });
    expect(repairs).toEqual({ repaired: 3, dropped: 2 });
    expect(segments.map((s) => [s.text, s.start, s.end])).toEqual([
      ['first', 1, 2],
      ['and so my fellow', 4, 6],
      ['ask not', 8.5, 9],
      ['what your country', 10.5, 11.04],
    ]);
    expect(segments[1]?.words).toEqual([
      word('and', 4, 4.5),
      word('so', 4.6, 5),
      word('fellow', 5.5, 6),
    ]);
    for (const [index, segment] of segments.entries()) {
      const row = {
        videoId: 'v',
        chunkStart: 0,
        index,
        language: 'en',
        lineage: LINEAGE,
        ...segment,
      };
      expect(ROW_SCHEMAS.transcriptSegments.safeParse(row).success, segment.text).toBe(true);
    }
  });
});
