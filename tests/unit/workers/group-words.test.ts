import { describe, expect, it } from 'vitest';
import { groupWords } from '../../../workers/lib/asr/group-words';

const word = (text: string, start: number, end: number) => ({ text, start, end });

describe('groupWords', () => {
  it('breaks segments at sentence ends and pauses, joining words by their leading spaces', () => {
    const segments = groupWords([
      word(' And', 0, 0.3),
      word(' so,', 0.3, 0.6),
      word(' my', 0.7, 0.9),
      word(' fellow', 0.9, 1.2),
      word(' Americans.', 1.2, 1.9),
      word(' Ask', 2.0, 2.3),
      word(' not', 2.3, 2.5),
      word(' what', 3.6, 3.9), // 1.1 s pause
      word("'s", 3.9, 4.0),
    ]);
    expect(segments.map((s) => [s.text, s.start, s.end, s.words.length])).toEqual([
      ['And so, my fellow Americans.', 0, 1.9, 5],
      ['Ask not', 2.0, 2.5, 2],
      ["what's", 3.6, 4.0, 2],
    ]);
    expect(segments[0]?.words[1]).toEqual({ text: 'so,', start: 0.3, end: 0.6 });
  });

  it('keeps segments under 12 s and skips empty words', () => {
    const words = Array.from({ length: 30 }, (_, i) => word(' la', i * 0.5, i * 0.5 + 0.4));
    const segments = groupWords([word(' ', 0, 0), ...words]);
    expect(segments.length).toBe(2);
    for (const s of segments) expect(s.end - s.start).toBeLessThanOrEqual(12);
  });
});
