/** A span of video time, seconds. */
export interface Range {
  start: number;
  end: number;
}

/** Seconds two ranges share. */
export const overlap = (a: Range, b: Range) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** Intersection over union of two ranges, 0–1. */
export const iou = (a: Range, b: Range) =>
  overlap(a, b) / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
