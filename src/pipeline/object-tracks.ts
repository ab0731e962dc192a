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

/** The video's shots (scenes, [start, end) seconds) and length, for ranges that cover shots. */
export interface Shots {
  scenes: readonly { start: number; end: number }[];
  duration: number;
}

/** Index of the shot holding `t` (the last that starts at or before it); 0 without shots. */
function shotAt(shots: Shots | undefined, t: number): number {
  if (!shots) return 0;
  let found = 0;
  shots.scenes.forEach((scene, i) => {
    if (scene.start <= t + 1e-6) found = i;
  });
  return found;
}

/**
 * A range from the first to the last sample showing its label, widened to the shot it was seen
 * in: toward each neighbouring sample — to the cut, when that sample is in another shot (the
 * label was there until the cut for all we know), or halfway, when it is in the same shot and
 * didn't show the label. So one sampled frame of a 2-second shot gives a range over that shot,
 * never a zero-length one.
 */
function coverShot(range: ObjectRange, times: readonly number[], shots: Shots): ObjectRange {
  const index = shotAt(shots, range.start);
  const shot = shots.scenes[index] ?? { start: 0, end: shots.duration };
  const before = times.filter((t) => t < range.start - 1e-6).at(-1);
  const after = times.find((t) => t > range.end + 1e-6);
  const start =
    before === undefined || shotAt(shots, before) !== index
      ? shot.start
      : (before + range.start) / 2;
  const end =
    after === undefined || shotAt(shots, after) !== index
      ? Math.min(shot.end, shots.duration)
      : (range.end + after) / 2;
  return { ...range, start: Math.max(0, start), end: Math.max(end, start) };
}

/**
 * Merges per-frame detections into time ranges per label. A label missing from up to
 * `maxGap` seconds of frames (a detector blinking, someone turning away) stays one range;
 * a longer absence starts a new one. Without `shots`, ranges run from the first to the last
 * frame that showed the label. With them, a range never crosses a cut (each shot's appearance is
 * its own range) and covers the shot as far as the samples allow (`coverShot`). The result is
 * ordered by start, then label.
 */
export function mergeDetectionRanges(
  frames: FrameObjects[],
  maxGap: number,
  shots?: Shots,
): ObjectRange[] {
  const open = new Map<string, ObjectRange & { shot: number }>();
  const ranges: (ObjectRange & { shot: number })[] = [];
  const sorted = [...frames].sort((a, b) => a.t - b.t);
  for (const frame of sorted) {
    const shot = shotAt(shots, frame.t);
    const seen = new Map<string, { count: number; maxScore: number }>();
    for (const { label, score } of frame.objects) {
      const entry = seen.get(label) ?? { count: 0, maxScore: 0 };
      entry.count++;
      entry.maxScore = Math.max(entry.maxScore, score);
      seen.set(label, entry);
    }
    for (const [label, { count, maxScore }] of seen) {
      const range = open.get(label);
      if (range && range.shot === shot && frame.t - range.end <= maxGap + 1e-6) {
        range.end = frame.t;
        range.count += count;
        range.maxScore = Math.max(range.maxScore, maxScore);
        continue;
      }
      const started = { label, start: frame.t, end: frame.t, maxScore, count, shot };
      open.set(label, started);
      ranges.push(started);
    }
  }
  const times = sorted.map((frame) => frame.t);
  return ranges
    .map(({ shot: _shot, ...range }) => (shots ? coverShot(range, times, shots) : range))
    .sort((a, b) => a.start - b.start || a.label.localeCompare(b.label));
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
