/** pyannote segmentation-3.0 reads 10 s of audio at a time. */
export const WINDOW_SECONDS = 10;

/** Speech regions this close are read as one span (a pause is no reason to start a window). */
const JOIN_GAP = 2;

/**
 * The 10 s windows that cover the speech regions: regions a short pause apart join into one
 * span, each span is read in back-to-back windows from its start (the last may run past the
 * speech, never past the video), and nothing outside the speech is read.
 */
export function planWindows(
  regions: readonly { start: number; end: number }[],
  duration: number,
): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const region of [...regions].sort((a, b) => a.start - b.start)) {
    const last = spans.at(-1);
    if (last && region.start - last.end <= JOIN_GAP) last.end = Math.max(last.end, region.end);
    else spans.push({ ...region });
  }
  const windows: { start: number; end: number }[] = [];
  for (const span of spans)
    for (let start = span.start; start < span.end; start += WINDOW_SECONDS) {
      const last = windows.at(-1);
      const from = last && start < last.end ? last.end : start;
      if (from >= span.end) continue;
      windows.push({ start: from, end: Math.min(from + WINDOW_SECONDS, Math.max(duration, from)) });
    }
  return windows;
}
