import type { Detection } from '../../../src/shared/frame-results';

/** One detection in source-image pixels. */
export type { Detection };

export interface DecodeContext {
  /** Side of the square model input, px. */
  inputSize: number;
  /** Source pixels per input pixel is 1 / scale (the letterbox scale). */
  scale: number;
  labels: readonly string[];
  scoreThreshold: number;
}

/** YOLOX strides: one anchor per grid cell at each of these strides. */
const YOLOX_STRIDES = [8, 16, 32];

/**
 * Decodes YOLOX's raw head, [anchors, 5 + classes] per row: grid offsets (x, y), log sizes (w, h),
 * objectness and class scores, both already through a sigmoid. score = objectness × class score.
 */
export function decodeYolox(output: Float32Array, context: DecodeContext): Detection[] {
  const classes = context.labels.length;
  const row = 5 + classes;
  const detections: Detection[] = [];
  let anchor = 0;
  for (const stride of YOLOX_STRIDES) {
    const cells = Math.floor(context.inputSize / stride);
    for (let gy = 0; gy < cells; gy++) {
      for (let gx = 0; gx < cells; gx++, anchor++) {
        const at = anchor * row;
        const objectness = output[at + 4] ?? 0;
        if (objectness < context.scoreThreshold) continue;
        const best = bestClass(output, at + 5, classes);
        const score = objectness * best.score;
        if (score < context.scoreThreshold) continue;
        const cx = ((output[at] ?? 0) + gx) * stride;
        const cy = ((output[at + 1] ?? 0) + gy) * stride;
        const w = Math.exp(output[at + 2] ?? 0) * stride;
        const h = Math.exp(output[at + 3] ?? 0) * stride;
        detections.push(toDetection(cx, cy, w, h, best.index, score, context));
      }
    }
  }
  return detections;
}

/**
 * Decodes YOLOv8/v11-style output, [4 + classes, anchors] (channel-major): centre x, y, width,
 * height in input pixels, then class scores (no objectness).
 */
export function decodeYolov8(
  output: Float32Array,
  anchors: number,
  context: DecodeContext,
): Detection[] {
  const classes = context.labels.length;
  const detections: Detection[] = [];
  for (let a = 0; a < anchors; a++) {
    let index = 0;
    let score = 0;
    for (let c = 0; c < classes; c++) {
      const s = output[(4 + c) * anchors + a] ?? 0;
      if (s > score) {
        score = s;
        index = c;
      }
    }
    if (score < context.scoreThreshold) continue;
    const [cx, cy, w, h] = [0, 1, 2, 3].map((k) => output[k * anchors + a] ?? 0) as [
      number,
      number,
      number,
      number,
    ];
    detections.push(toDetection(cx, cy, w, h, index, score, context));
  }
  return detections;
}

function bestClass(output: Float32Array, from: number, classes: number) {
  let index = 0;
  let score = 0;
  for (let c = 0; c < classes; c++) {
    const s = output[from + c] ?? 0;
    if (s > score) {
      score = s;
      index = c;
    }
  }
  return { index, score };
}

function toDetection(
  cx: number,
  cy: number,
  w: number,
  h: number,
  classIndex: number,
  score: number,
  context: DecodeContext,
): Detection {
  const s = context.scale;
  return {
    label: context.labels[classIndex] ?? `class ${classIndex}`,
    score,
    box: [(cx - w / 2) / s, (cy - h / 2) / s, (cx + w / 2) / s, (cy + h / 2) / s],
  };
}

function iou(a: Detection['box'], b: Detection['box']): number {
  const w = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
  const h = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
  const inter = w * h;
  const union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter;
  return union > 0 ? inter / union : 0;
}

/** Class-wise non-maximum suppression: boxes of different labels never suppress each other. */
export function suppressOverlaps(detections: Detection[], iouThreshold = 0.45): Detection[] {
  const kept: Detection[] = [];
  for (const candidate of [...detections].sort((a, b) => b.score - a.score)) {
    const overlaps = kept.some(
      (k) => k.label === candidate.label && iou(k.box, candidate.box) > iouThreshold,
    );
    if (!overlaps) kept.push(candidate);
  }
  return kept;
}
