import { z } from 'zod';

/**
 * What every stored analysis row must satisfy, checked before it is written: finite times,
 * ranges that don't run backwards, scores and confidences in 0–1, word timestamps in order and
 * inside their segment, lineage on every row. (Times against the video's duration are checked
 * in `validate-rows.ts`, which knows the video.)
 */
/** A time in video seconds (also used by record-schemas.ts). */
export const seconds = z.number().finite().min(0);
const unit = z.number().finite().min(0).max(1);
const box = z
  .tuple([z.number(), z.number(), z.number(), z.number()])
  .refine(([x0, y0, x1, y1]) => x0 <= x1 && y0 <= y1, 'a box must not be inside out');

export const lineage = z.object({
  tool: z.string().min(1),
  version: z.string(),
  parameters: z.record(z.string(), z.unknown()),
  device: z.enum(['cpu', 'wasm', 'webgpu']),
  dtype: z.string().optional(),
  reusedFrom: seconds.optional(),
  appVersion: z.string().min(1),
});

const span = <T extends z.ZodRawShape>(shape: T) =>
  z
    .object({ videoId: z.string().min(1), start: seconds, end: seconds, lineage, ...shape })
    .refine((row) => {
      const { start, end } = row as unknown as { start: number; end: number };
      return start <= end;
    }, 'start must not come after end');

const scored = z.object({ text: z.string(), score: unit, box });

export const ROW_SCHEMAS = {
  frames: z.object({
    videoId: z.string().min(1),
    t: seconds,
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    sameAs: seconds.optional(),
    lineage,
  }),
  scenes: span({ index: z.number().int().min(0) }),
  speechRegions: span({}),
  detections: z.object({
    videoId: z.string().min(1),
    t: seconds,
    objects: z.array(z.object({ label: z.string().min(1), score: unit, box })),
    lineage,
  }),
  objectTracks: span({ label: z.string().min(1), maxScore: unit, count: z.number().int().min(1) }),
  onScreenText: z.object({
    videoId: z.string().min(1),
    t: seconds,
    lines: z.array(scored),
    textLike: z.boolean(),
    lineage,
  }),
  textRanges: span({ text: z.string(), maxScore: unit, count: z.number().int().min(1) }),
  transcriptSegments: span({
    chunkStart: seconds,
    index: z.number().int().min(0),
    text: z.string(),
    language: z.string().min(2),
    words: z.array(z.object({ text: z.string(), start: seconds, end: seconds })),
  }).refine(
    (row) =>
      row.words.every(
        (w, i) =>
          w.start <= w.end &&
          w.start >= row.start - 0.001 &&
          w.end <= row.end + 0.001 &&
          (i === 0 || w.start >= (row.words[i - 1]?.start ?? 0)),
      ),
    'word timestamps must be in order and inside their segment',
  ),
  transcriptChunks: span({ segments: z.number().int().min(0), language: z.string().min(2) }),
  captions: z.object({
    videoId: z.string().min(1),
    t: seconds,
    caption: z.string(),
    confidence: unit,
    lineage,
  }),
  embeddings: span({
    source: z.enum(['transcript', 'caption', 'text', 'frame']),
    key: z.string().min(1),
    text: z.string(),
    model: z.string().min(1),
    values: z.instanceof(Int8Array).refine((v) => v.length > 0, 'an empty vector'),
    scale: z.number().finite().positive(),
  }),
} as const;

export type RowTable = keyof typeof ROW_SCHEMAS;
