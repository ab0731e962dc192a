import type { Box } from '../shared/frame-results';

/**
 * A model's malformed per-frame output, made fit for its row (row-schemas.ts) instead of failing
 * the stage: a NaN or out-of-range score, a box inside out or not finite, an empty label. Each
 * returns the repaired result and how many of its parts it had to fix or drop.
 */
export interface Repaired<T> {
  result: T;
  fixed: number;
}

const unit = (value: number) => Math.min(1, Math.max(0, value));

function repairBox(box: Box): Box | null {
  if (!box.every(Number.isFinite)) return null;
  const [x0, y0, x1, y1] = box;
  return [Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1)];
}

/** Scored, boxed items (detected objects, OCR lines) keyed by a text field that must not be empty. */
export function repairScored<Item extends { score: number; box: Box }>(
  items: readonly Item[],
  text: (item: Item) => string,
): Repaired<Item[]> {
  let fixed = 0;
  const kept: Item[] = [];
  for (const item of items) {
    const box = Array.isArray(item.box) && item.box.length === 4 ? repairBox(item.box) : null;
    if (!Number.isFinite(item.score) || !box || !text(item).trim()) {
      fixed++;
      continue;
    }
    const score = unit(item.score);
    if (score !== item.score || box.some((v, i) => v !== item.box[i])) fixed++;
    kept.push({ ...item, score, box });
  }
  return { result: kept, fixed };
}

/** A caption whose confidence is NaN or outside 0–1. */
export function repairConfidence(confidence: number): Repaired<number> {
  if (!Number.isFinite(confidence)) return { result: 0, fixed: 1 };
  const clamped = unit(confidence);
  return { result: clamped, fixed: clamped === confidence ? 0 : 1 };
}
