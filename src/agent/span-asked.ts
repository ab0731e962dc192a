import { parseTimeReferences } from '../tools/query/time-references';
import type { Span } from '../shared/span-look';

/** A moment asked about is looked at this far either side (seconds). */
export const AROUND_MOMENT_S = 5;
/** A stretch longer than this is the stages' work, not a span to analyse first. */
export const LONGEST_SPAN_S = 30;

/**
 * The span of video a question points at, to analyse first: a moment ("at 4:30") with 5 s
 * either side, or a short stretch ("between 4:20 and 4:40", "the last 30 seconds"). Null for a
 * question about no time, or about a stretch longer than 30 s, or relative to an event.
 */
export function spanAskedAbout(question: string, duration: number): Span | null {
  for (const ref of parseTimeReferences(question, duration)) {
    if (ref.kind === 'moment')
      return {
        start: Math.max(0, ref.t - AROUND_MOMENT_S),
        end: Math.min(duration, ref.t + AROUND_MOMENT_S),
      };
    if (ref.kind === 'range' && ref.end - ref.start <= LONGEST_SPAN_S && ref.end > ref.start)
      return { start: ref.start, end: ref.end };
  }
  return null;
}
