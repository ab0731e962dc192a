/** What one frame showed, as the track merger needs it. */
export interface FrameObjects {
  t: number;
  objects: { label: string; score: number }[];
}

export interface ObjectRange {
  label: string;
  start: number;
  end: number;
  maxScore: number;
  count: number;
}

/**
 * Merges per-frame detections into time ranges per label. A label missing from up to
 * `maxGap` seconds of frames (a detector blinking, someone turning away) stays one range;
 * a longer absence starts a new one. Ranges run from the first to the last frame that showed
 * the label; the result is ordered by start, then label.
 */
export function mergeDetectionRanges(frames: FrameObjects[], maxGap: number): ObjectRange[] {
  const open = new Map<string, ObjectRange>();
  const ranges: ObjectRange[] = [];
  for (const frame of [...frames].sort((a, b) => a.t - b.t)) {
    const seen = new Map<string, { count: number; maxScore: number }>();
    for (const { label, score } of frame.objects) {
      const entry = seen.get(label) ?? { count: 0, maxScore: 0 };
      entry.count++;
      entry.maxScore = Math.max(entry.maxScore, score);
      seen.set(label, entry);
    }
    for (const [label, { count, maxScore }] of seen) {
      const range = open.get(label);
      if (range && frame.t - range.end <= maxGap + 1e-6) {
        range.end = frame.t;
        range.count += count;
        range.maxScore = Math.max(range.maxScore, maxScore);
        continue;
      }
      const started = { label, start: frame.t, end: frame.t, maxScore, count };
      open.set(label, started);
      ranges.push(started);
    }
  }
  return ranges.sort((a, b) => a.start - b.start || a.label.localeCompare(b.label));
}

/** A label missing for up to this many frame intervals stays one range (models blink). */
const GAP_FRAMES = 2.5;

/** Typical spacing of stored frames, seconds (the median, so scene-start frames don't skew it). */
function frameSpacing(times: number[]): number {
  const gaps = times.slice(1).map((t, i) => t - (times[i] ?? t));
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] ?? 2;
}

/** The longest absence, seconds, that `mergeDetectionRanges` bridges for frames at `times`. */
export function rangeGap(times: number[]): number {
  return GAP_FRAMES * frameSpacing(times);
}
