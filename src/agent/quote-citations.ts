import { listTranscript, type BriDatabase } from '../db';
import { formatTimestamp } from '../tools/moments';
import { findWordRun } from '../shared/word-runs';
import type { Citation } from './citations';
import { QUOTE } from './confirm-claims';

/** A quote shorter than this many words is too common to pin to one moment ("yes", "the bus"). */
const MIN_QUOTE_WORDS = 3;

/** A moment label right after a quote (the answer cited it already). */
const LABEL_AFTER = /^\s*[,;:]?\s*\[(?:\d{1,2}:)?\d{1,3}:[0-5]\d\]/;

/**
 * Quotations in an answer that are words of the video's transcript become citations to the
 * first quoted word's time (its word timestamp): the label is written after the closing quote
 * where the answer gave none. Returns the answer as it will be shown and the added citations.
 */
export async function citeQuotes(
  text: string,
  videoId: string,
  database: BriDatabase,
): Promise<{ text: string; citations: Citation[] }> {
  const quotes = [...text.matchAll(QUOTE)].filter(
    (match) => (match[1] ?? '').trim().split(/\s+/).length >= MIN_QUOTE_WORDS,
  );
  if (quotes.length === 0) return { text, citations: [] };
  const words = (await listTranscript(videoId, database)).flatMap((segment) => segment.words);
  const citations: Citation[] = [];
  let shown = '';
  let from = 0;
  for (const match of quotes) {
    const end = (match.index ?? 0) + match[0].length;
    shown += text.slice(from, end);
    from = end;
    const word = findWordRun(words, match[1] ?? '');
    if (!word || LABEL_AFTER.test(text.slice(end))) continue;
    const label = formatTimestamp(word.start);
    shown += ` ${label}`;
    citations.push({ video_id: videoId, t: word.start, label, confirmed: true });
  }
  return { text: shown + text.slice(from), citations };
}
