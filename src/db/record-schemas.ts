import { SHARED_KINDS } from '../shared/share-with-groq';
import { z } from 'zod';
import { STAGE_NAMES } from '../shared/stages';
import { MEDIA_LIMITS } from '../shared/media-limits';
import { CONTAINER_KINDS } from '../shared/video-types';
import { lineage, seconds } from './row-schemas';

/**
 * The library's own records — videos, posters, stages, chat turns — as their writers store them
 * (row-schemas.ts holds the analysis rows). A backup from elsewhere is checked with these same
 * schemas, so what a restore writes is exactly what BRI itself would have written.
 */

/** Ids BRI makes (UUIDs) and tests use: letters, digits, `-` and `_`. Never `*` (the library chat). */
export const PLAIN_ID = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'an id must be letters, digits, - or _');

/** Epoch ms no later than a day from now: a `createdAt` of 1e300 breaks every date shown. */
const epochMs = z
  .number()
  .int()
  .min(0)
  .refine((t) => t <= Date.now() + 86_400_000, 'a time in the future');

/** A poster's size. */
const pixels = z.number().int().positive().max(MEDIA_LIMITS.maxSidePx);
/** A video's picture size; a sound recording's is 0 × 0. */
const sidePx = z.number().int().min(0).max(MEDIA_LIMITS.maxSidePx);

export const VIDEO_RECORD = z
  .object({
    id: PLAIN_ID,
    name: z.string().min(1).max(1024),
    size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    type: z.string().max(100),
    container: z.enum(CONTAINER_KINDS),
    storage: z.enum(['opfs', 'idb']),
    createdAt: epochMs,
    duration: z.number().finite().positive().max(MEDIA_LIMITS.maxDurationS),
    width: sidePx,
    height: sidePx,
    fps: z.number().finite().min(0).max(MEDIA_LIMITS.maxFrameRate),
    hasAudio: z.boolean(),
    hasVideo: z.boolean().optional(),
    videoCodec: z.string().max(100),
    audioCodec: z.string().max(100).nullable(),
    demuxer: z.enum(['mp4-index', 'mediabunny', 'ffmpeg']),
  })
  .refine(
    (video) => (video.hasVideo === false ? video.hasAudio : video.width > 0 && video.height > 0),
    'a video needs a picture size, a sound recording needs sound',
  );

export const POSTER_RECORD = z.object({
  videoId: PLAIN_ID,
  blob: z.instanceof(Blob),
  width: pixels,
  height: pixels,
  t: seconds,
});

export const STAGE_RECORD = z.object({
  videoId: PLAIN_ID,
  stage: z.enum(STAGE_NAMES),
  state: z.enum(['queued', 'running', 'done', 'failed', 'cancelled', 'skipped']),
  progress: z.number().finite().min(0).max(1),
  detail: z.string().max(10_000).nullable(),
  // Counts and timings; a NaN from a division by zero is a poor figure, not a reason to lose a stage.
  stats: z.record(z.string(), z.union([z.number(), z.nan()])),
  updatedAt: z.number().finite().min(0),
});

export const CHAT_TURN_RECORD = z.object({
  id: z.number().int().positive().optional(),
  videoId: z.union([PLAIN_ID, z.literal('*')]),
  question: z.string(),
  answer: z.string(),
  citations: z.array(
    z.object({
      video_id: z.string(),
      t: seconds,
      at: seconds.optional(),
      label: z.string(),
      confirmed: z.boolean().optional(),
      why: z.string().max(1000).optional(),
    }),
  ),
  toolCalls: z.array(z.object({ name: z.string(), arguments: z.string(), ok: z.boolean() })),
  suggestions: z.array(z.string()),
  mode: z.enum(['groq', 'local', 'tools']),
  createdAt: epochMs,
  sent: z
    .array(z.object({ body: z.string(), bytes: z.number().int().nonnegative() }))
    .max(64)
    .optional(),
  holds: z.array(z.enum(SHARED_KINDS)).max(SHARED_KINDS.length).optional(),
  imported: z.literal(true).optional(),
});

/** A title or a translated line: one line of plain text, as short as a person would write it. */
const line = (max: number) => z.string().trim().min(1).max(max);

export const CHAPTER_RECORD = z
  .object({
    videoId: PLAIN_ID,
    index: z.number().int().min(0),
    start: seconds,
    end: seconds,
    title: line(200),
    madeBy: z.enum(['groq', 'scenes']),
    model: z.string().max(200).optional(),
    createdAt: epochMs,
  })
  .refine((row) => row.start < row.end, 'a chapter must end after it starts');

export const TRANSLATION_RECORD = z
  .object({
    videoId: PLAIN_ID,
    language: line(60),
    key: z.string().regex(/^\d+(\.\d+)?:\d+$/, 'a segment key is "chunkStart:index"'),
    start: seconds,
    end: seconds,
    source: z.string().max(10_000),
    text: z.string().max(10_000),
    model: z.string().min(1).max(200),
    createdAt: epochMs,
  })
  .refine((row) => row.start <= row.end, 'start must not come after end');

/** A speaker's name as a person writes it: one short line. */
export const SPEAKER_NAME = line(80);

export const SPEAKERS_RECORD = z.object({
  videoId: PLAIN_ID,
  turns: z
    .array(
      z
        .object({ start: seconds, end: seconds, speaker: z.number().int().min(1).max(1000) })
        .refine((turn) => turn.start <= turn.end, 'a turn must not end before it starts'),
    )
    .max(200_000),
  speakers: z.number().int().min(0).max(1000),
  names: z.record(z.string().regex(/^\d+$/), SPEAKER_NAME),
  dismissed: z.array(z.string().max(200)).max(1000),
  lineage,
  checkpoint: z
    .object({
      windows: z.number().int().min(0),
      pieces: z
        .array(z.object({ start: seconds, end: seconds, vector: z.instanceof(Float32Array) }))
        .max(200_000),
    })
    .optional(),
});

export const RECORD_SCHEMAS = {
  videos: VIDEO_RECORD,
  posters: POSTER_RECORD,
  stages: STAGE_RECORD,
  chatTurns: CHAT_TURN_RECORD,
  chapters: CHAPTER_RECORD,
  translations: TRANSLATION_RECORD,
  speakers: SPEAKERS_RECORD,
} as const;

export type RecordTable = keyof typeof RECORD_SCHEMAS;
