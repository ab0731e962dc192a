import { OCR_PARAMETERS } from '../../../src/shared/analysis-parameters';

/** A text region in detector-map pixels, with the mean text probability inside it. */
export interface TextBox {
  box: [number, number, number, number];
  score: number;
}

export interface TextBoxOptions {
  /** Pixels above this probability are text (PaddleOCR's DB `thresh`). */
  threshold: number;
  /** Regions whose mean probability is below this are dropped (`box_thresh`). */
  boxThreshold: number;
  /** How far a region grows back out: DB shrinks text kernels when it trains (`unclip_ratio`). */
  unclipRatio: number;
  /** Regions thinner than this, px, are specks. */
  minSide: number;
}

export const DB_DEFAULTS: TextBoxOptions = OCR_PARAMETERS.db;

/**
 * PaddleOCR's DB post-processing, axis-aligned: connected regions of the thresholded probability
 * map become boxes, grown by area × ratio / perimeter (the "unclip" step). On-screen text in
 * videos is almost always horizontal, so rotated rectangles are not worth their cost here.
 */
export function findTextBoxes(
  probability: Float32Array,
  width: number,
  height: number,
  options: TextBoxOptions = DB_DEFAULTS,
): TextBox[] {
  const seen = new Uint8Array(width * height);
  const stack = new Int32Array(width * height);
  const boxes: TextBox[] = [];
  for (let start = 0; start < width * height; start++) {
    if (seen[start] || (probability[start] ?? 0) <= options.threshold) continue;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    let [x0, y0, x1, y1] = [width, height, 0, 0];
    let sum = 0;
    let count = 0;
    while (top > 0) {
      const at = stack[--top] ?? 0;
      const x = at % width;
      const y = (at - x) / width;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
      sum += probability[at] ?? 0;
      count++;
      for (const next of [at - 1, at + 1, at - width, at + width]) {
        if (next < 0 || next >= width * height || seen[next]) continue;
        if (Math.abs((next % width) - x) > 1) continue; // no wrapping across rows
        if ((probability[next] ?? 0) <= options.threshold) continue;
        seen[next] = 1;
        stack[top++] = next;
      }
    }
    const w = x1 - x0 + 1;
    const h = y1 - y0 + 1;
    const score = sum / count;
    if (Math.min(w, h) < options.minSide || score < options.boxThreshold) continue;
    const grow = (w * h * options.unclipRatio) / (2 * (w + h));
    boxes.push({
      box: [
        Math.max(0, x0 - grow),
        Math.max(0, y0 - grow),
        Math.min(width, x1 + 1 + grow),
        Math.min(height, y1 + 1 + grow),
      ],
      score,
    });
  }
  // Reading order: top to bottom, then left to right within a line.
  return boxes.sort((a, b) =>
    Math.abs(a.box[1] - b.box[1]) < (a.box[3] - a.box[1]) / 2
      ? a.box[0] - b.box[0]
      : a.box[1] - b.box[1],
  );
}
