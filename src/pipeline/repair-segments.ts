/**
 * A model's malformed output is repaired or dropped, never a reason to lose a stage: Whisper's
 * word timestamps can run backwards or past their segment, a segment can be empty or NaN. The
 * rows' writer validates strictly (row-schemas.ts); this makes what a model gives fit it, and
 * counts what it had to change.
 */
export interface TimedSegment {
  text: string;
  start: number;
  end: number;
  words: { text: string; start: number; end: number }[];
}

export interface Repairs {
  /** Segments kept after a fix (times swapped, clamped or words put in order). */
  repaired: number;
  /** Segments dropped: no text, or no usable time. */
  dropped: number;
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

function repairWords(segment: TimedSegment): TimedSegment['words'] {
  return segment.words
    .filter((word) => Number.isFinite(word.start) && Number.isFinite(word.end))
    .map((word) => {
      const start = clamp(Math.min(word.start, word.end), segment.start, segment.end);
      const end = clamp(Math.max(word.start, word.end), start, segment.end);
      return { text: word.text, start, end };
    })
    .sort((a, b) => a.start - b.start);
}

function sameWords(a: TimedSegment['words'], b: TimedSegment['words']): boolean {
  return (
    a.length === b.length &&
    a.every((w, i) => w.start === b[i]?.start && w.end === b[i]?.end && w.text === b[i]?.text)
  );
}

/** The segments fit for storing inside [bounds.start, bounds.end], in order, with what changed. */
export function repairSegments<Segment extends TimedSegment>(
  segments: readonly Segment[],
  bounds: { start: number; end: number },
): { segments: Segment[]; repairs: Repairs } {
  const repairs: Repairs = { repaired: 0, dropped: 0 };
  const kept: Segment[] = [];
  for (const segment of segments) {
    const usable =
      typeof segment.text === 'string' &&
      segment.text.trim() !== '' &&
      Number.isFinite(segment.start) &&
      Number.isFinite(segment.end);
    if (!usable) {
      repairs.dropped++;
      continue;
    }
    const start = clamp(Math.min(segment.start, segment.end), bounds.start, bounds.end);
    const end = clamp(Math.max(segment.start, segment.end), start, bounds.end);
    const timed = { ...segment, start, end };
    const words = repairWords(timed);
    if (start !== segment.start || end !== segment.end || !sameWords(words, segment.words)) {
      repairs.repaired++;
    }
    kept.push({ ...timed, words });
  }
  kept.sort((a, b) => a.start - b.start);
  return { segments: kept, repairs };
}
