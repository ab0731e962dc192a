/** A word with its timestamps, seconds. */
export interface TimedWord {
  text: string;
  start: number;
  end: number;
}

export interface WordSegment {
  text: string;
  start: number;
  end: number;
  words: TimedWord[];
}

/** A pause this long ends a segment. */
const PAUSE_SECONDS = 0.8;
/** Segments stay short enough to cite and to show as one subtitle. */
const MAX_SEGMENT_SECONDS = 12;

/**
 * Groups word timestamps (Whisper's `return_timestamps: "word"`) into segments: a new segment
 * after a sentence end, a pause, or when the current one grows too long. Words arrive in order;
 * Whisper writes a word's leading space into its text, which is how words are joined back.
 */
export function groupWords(words: TimedWord[]): WordSegment[] {
  const segments: WordSegment[] = [];
  let current: WordSegment | null = null;
  for (const word of words) {
    const text = word.text;
    if (!text.trim()) continue;
    const breakHere =
      current !== null &&
      (/[.!?…]$/.test(current.text) ||
        word.start - current.end >= PAUSE_SECONDS ||
        word.end - current.start > MAX_SEGMENT_SECONDS);
    if (!current || breakHere) {
      current = { text: text.trim(), start: word.start, end: word.end, words: [] };
      segments.push(current);
    } else {
      current.text += /^\s/.test(text) ? text.replace(/^\s+/, ' ') : text;
      current.end = Math.max(current.end, word.end);
    }
    current.words.push({ text: text.trim(), start: word.start, end: word.end });
  }
  return segments;
}
