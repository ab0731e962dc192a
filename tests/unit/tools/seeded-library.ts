import type { BriDatabase } from '../../../src/db';
import {
  finishFramesStage,
  finishObjectsStage,
  finishTextStage,
  putCaption,
  putFrame,
  putDetections,
  putEmbeddings,
  putOnScreenText,
  putStage,
  putTranscriptChunk,
  type StageName,
} from '../../../src/db';
import { mergeDetectionRanges, rangeGap } from '../../../src/pipeline/object-tracks';
import { STAGE_NAMES } from '../../../src/automation/bri-contract';
import type { Lineage } from '../../../src/shared/lineage';
import { normalize, quantize } from '../../../src/shared/vector-codec';
import type { ToolContext } from '../../../src/tools/tool';
import { terms } from '../../../src/tools/text/tokenize';
import { poster, video, webpBytes } from '../db/video-fixture';

export const LINEAGE: Lineage = {
  tool: 'test',
  version: '1',
  parameters: {},
  device: 'wasm',
  appVersion: 'test',
};

/** Words that mean the same to the fake sentence model (a real one learns this; ours is told). */
const CONCEPTS: Record<string, number> = {
  public: 0,
  transport: 0,
  transit: 0,
  bu: 1,
  coach: 1,
  tie: 2,
};

/**
 * The fake embedder both sides use (at the worker-bridge boundary): 16 dims, one per concept or
 * hashed word, unit length. Deterministic, so tests can compute the cosine they expect.
 */
export function fakeEmbed(text: string): Float32Array {
  const vector = new Float32Array(16);
  for (const term of terms(text)) {
    let hash = 0;
    for (const char of term) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
    vector[CONCEPTS[term] ?? 3 + (hash % 13)]! += 1;
  }
  return normalize(vector);
}

export const TEXT_MODEL = 'fake/sentences';
export const IMAGE_MODEL = 'fake/clip';

/** The tools' context over `db` with the fake embedder and a fake look. */
export function testContext(db: BriDatabase, overrides: Partial<ToolContext> = {}): ToolContext {
  return {
    db,
    embedQuery: async (query, space) => ({
      model: space === 'text' ? TEXT_MODEL : IMAGE_MODEL,
      vector: fakeEmbed(query),
    }),
    lookAt: async () => [],
    frameUrl: (id, blob) => `blob:test/${id}/${blob.size}`,
    ...overrides,
  };
}

/** city.mp4, 60 s: a bus scene (0–20 s), two men with a tie (20–40 s), text slides (40–60 s). */
export const CITY = {
  id: 'city',
  frames: [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55],
  scenes: [
    { index: 0, start: 0, end: 20 },
    { index: 1, start: 20, end: 40 },
    { index: 2, start: 40, end: 60 },
  ],
  chunks: [
    {
      start: 0,
      end: 20,
      segments: [
        { start: 0, end: 5, text: 'Welcome to the city tour.' },
        { start: 5, end: 12, text: 'Here is a blue bus stopping for passengers.' },
        { start: 12, end: 20, text: 'The buses run every ten minutes.' },
      ],
    },
    {
      start: 20,
      end: 40,
      segments: [
        { start: 20, end: 30, text: 'Two men in suits, one wears a red tie.' },
        { start: 30, end: 40, text: 'Public transport keeps the city moving.' },
      ],
    },
  ],
  captions: (t: number) =>
    t < 20 ? 'a blue bus on a city street' : t < 40 ? 'two men in suits' : 'a slide with text',
  detections: {
    5: [{ label: 'bus', score: 0.9 }],
    10: [
      { label: 'bus', score: 0.8 },
      { label: 'person', score: 0.7 },
    ],
    15: [{ label: 'bus', score: 0.7 }],
    20: [
      { label: 'person', score: 0.9 },
      { label: 'person', score: 0.8 },
      { label: 'tie', score: 0.6 },
    ],
    25: [
      { label: 'person', score: 0.85 },
      { label: 'tie', score: 0.4 },
    ],
    30: [
      { label: 'person', score: 0.9 },
      { label: 'tie', score: 0.65 },
    ],
  } as Record<number, { label: string; score: number }[]>,
  text: {
    40: 'Chapter one - public transport',
    45: 'Chapterone-public transport',
    50: 'Summary',
    55: 'Summary',
  } as Record<number, string>,
};

const DONE = { state: 'done' as const, progress: 1, detail: null, stats: {}, updatedAt: 1 };

const BOX: [number, number, number, number] = [10, 10, 100, 100];

async function markDone(db: BriDatabase, videoId: string, stages: readonly StageName[]) {
  for (const stage of stages)
    await putStage(
      { videoId, stage, state: 'done', progress: 1, detail: null, stats: {}, updatedAt: 1 },
      db,
    );
}

/** Stores city.mp4's index as the stages would (through the same validated writes). */
export async function seedCity(
  db: BriDatabase,
  { id = CITY.id, embeddings = true, createdAt = 2 } = {},
): Promise<void> {
  await db.videos.add({ ...video(id, createdAt), duration: 60 });
  await db.posters.put(poster(id));
  const frames = CITY.frames.map((t) => ({
    videoId: id,
    t,
    blob: new Blob([webpBytes(100 + t)], { type: 'image/webp' }),
    width: 640,
    height: 360,
    sceneIndex: Math.floor(t / 20),
    reason: t % 20 === 0 ? ('scene' as const) : ('interval' as const),
    lineage: LINEAGE,
  }));
  const scenes = CITY.scenes.map((s) => ({ videoId: id, ...s, lineage: LINEAGE }));
  for (const frame of frames) await putFrame(frame, db);
  await finishFramesStage(scenes, { ...DONE, videoId: id, stage: 'frames' }, db);
  for (const chunk of CITY.chunks) {
    const rows = chunk.segments.map((s, index) => ({
      videoId: id,
      chunkStart: chunk.start,
      index,
      ...s,
      words: [],
      language: 'en',
      lineage: LINEAGE,
    }));
    const record = { videoId: id, start: chunk.start, end: chunk.end, segments: rows.length };
    await putTranscriptChunk({ ...record, language: 'en', lineage: LINEAGE }, rows, db);
  }
  for (const t of CITY.frames) {
    await putCaption(
      { videoId: id, t, caption: CITY.captions(t), confidence: 0.5, lineage: LINEAGE },
      db,
    );
    const objects = (CITY.detections[t] ?? []).map((o) => ({ ...o, box: BOX }));
    await putDetections({ videoId: id, t, objects, lineage: LINEAGE }, db);
    const text = CITY.text[t];
    const lines = text ? [{ text, score: 0.9, box: BOX }] : [];
    await putOnScreenText({ videoId: id, t, lines, textLike: !!text, lineage: LINEAGE }, db);
  }
  const perFrame = CITY.frames.map((t) => ({ t, objects: CITY.detections[t] ?? [] }));
  const tracks = mergeDetectionRanges(perFrame, rangeGap(CITY.frames));
  const done = { ...DONE, videoId: id };
  await finishObjectsStage(
    tracks.map((r) => ({ videoId: id, ...r, lineage: LINEAGE })),
    { ...done, stage: 'objects' },
    db,
  );
  const lines = Object.entries(CITY.text).map(([t, text]) => ({ t: Number(t), text }));
  const ranges = mergeDetectionRanges(
    lines.map(({ t, text }) => ({ t, objects: [{ label: text, score: 0.9 }] })),
    rangeGap(CITY.frames),
  ).map(({ label, ...r }) => ({ videoId: id, text: label, ...r, lineage: LINEAGE }));
  await finishTextStage(ranges, { ...done, stage: 'text' }, db);
  if (embeddings) await seedEmbeddings(db, id);
  await markDone(db, id, embeddings ? STAGE_NAMES : STAGE_NAMES.filter((s) => s !== 'embeddings'));
}

function vectorRow(
  videoId: string,
  source: 'transcript' | 'caption' | 'frame',
  key: string,
  start: number,
  end: number,
  text: string,
  model: string,
) {
  const embedded = quantize(fakeEmbed(text));
  return {
    videoId,
    source,
    key,
    start,
    end,
    text: source === 'frame' ? '' : text,
    model,
    ...embedded,
    lineage: LINEAGE,
  };
}

async function seedEmbeddings(db: BriDatabase, id: string) {
  const rows = [
    ...CITY.chunks.flatMap((chunk) =>
      chunk.segments.map((s, index) =>
        vectorRow(id, 'transcript', `${chunk.start}:${index}`, s.start, s.end, s.text, TEXT_MODEL),
      ),
    ),
    ...CITY.frames.map((t) =>
      vectorRow(id, 'caption', String(t), t, t, CITY.captions(t), TEXT_MODEL),
    ),
    // The fake CLIP sees what the caption says.
    ...CITY.frames.map((t) =>
      vectorRow(id, 'frame', String(t), t, t, CITY.captions(t), IMAGE_MODEL),
    ),
  ];
  await putEmbeddings(rows, db);
}
