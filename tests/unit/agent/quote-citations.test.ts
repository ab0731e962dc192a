import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BriDatabase, putTranscriptChunk } from '../../../src/db';
import { citeQuotes } from '../../../src/agent/quote-citations';
import { findWordRun } from '../../../src/shared/word-runs';
import { LINEAGE, seedCity } from '../tools/seeded-library';

/** Whisper-style words (leading spaces) spread evenly over the segment. */
function timedWords(text: string, start: number, end: number) {
  const parts = text.split(' ');
  const step = (end - start) / parts.length;
  return parts.map((part, i) => ({
    text: ` ${part}`,
    start: Math.round((start + i * step) * 100) / 100,
    end: Math.round((start + (i + 1) * step) * 100) / 100,
  }));
}

const SEGMENTS = [
  { start: 0, end: 5, text: 'Welcome to the city tour.' },
  { start: 5, end: 12, text: 'Here is a blue bus stopping for passengers.' },
  { start: 12, end: 20, text: "The buses can't wait, they run every ten minutes." },
];

let db: BriDatabase;
beforeEach(async () => {
  db = new BriDatabase(`test-${crypto.randomUUID()}`);
  await seedCity(db);
  const rows = SEGMENTS.map((s, index) => ({
    videoId: 'city',
    chunkStart: 0,
    index,
    ...s,
    words: timedWords(s.text, s.start, s.end),
    language: 'en',
    lineage: LINEAGE,
  }));
  const chunk = { videoId: 'city', start: 0, end: 20, segments: rows.length, language: 'en' };
  await putTranscriptChunk({ ...chunk, lineage: LINEAGE }, rows, db);
});
afterEach(() => db.delete());

describe('findWordRun', () => {
  const words = timedWords("the buses can't wait", 10, 14);
  it('finds a phrase across words, ignoring case and punctuation', () => {
    expect(findWordRun(words, 'Buses CAN’T')).toEqual(words[1]); // a curly apostrophe too
    expect(findWordRun(words, "buses can't wait")).toEqual(words[1]);
    expect(findWordRun(words, 'the buses')).toEqual(words[0]);
    expect(findWordRun(words, 'buses wait')).toBeNull();
    expect(findWordRun(words, '...')).toBeNull();
  });
});

describe('citeQuotes', () => {
  it('cites the first quoted word’s time after the quote, unless the answer cited it', async () => {
    const { text, citations } = await citeQuotes(
      'The guide says “a blue bus stopping” and later "they run every ten minutes" [00:16]; ' +
        'nobody says "the trams are free".',
      'city',
      db,
    );
    // "a" is the 3rd of 8 words of 5–12 s: 5 + 2 × 7/8 = 6.75 s.
    expect(citations).toEqual([{ video_id: 'city', t: 6.75, label: '[00:06]', confirmed: true }]);
    expect(text).toBe(
      'The guide says “a blue bus stopping” [00:06] and later "they run every ten minutes" [00:16]; ' +
        'nobody says "the trams are free".',
    );
  });

  it('leaves short quotes alone (too common to pin to one moment)', async () => {
    const { citations } = await citeQuotes('He says "blue bus" there.', 'city', db);
    expect(citations).toEqual([]);
  });
});
