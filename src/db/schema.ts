import type { SharedKind } from '../shared/share-with-groq';
import { Dexie, type EntityTable, type Table } from 'dexie';
import { chunksFromSegments } from './upgrades';
import type { Detection, SampledFrame, TextLine } from '../shared/frame-results';
import type { StageName, StageState } from '../shared/stages';
import type { Lineage } from '../shared/lineage';
import type { VideoRecord } from '../shared/video-types';

export type { FileStorage, VideoRecord } from '../shared/video-types';

/**
 * `posters` — the WebP poster of each video, kept apart from `videos` so listing the library
 * doesn't pull every image into memory. Keyed by `videoId`.
 */
export interface PosterRecord {
  videoId: string;
  blob: Blob;
  width: number;
  height: number;
  /** Video time the poster shows, seconds. */
  t: number;
}

/**
 * `videoBlobs` — the video file itself, only for browsers without OPFS. Keyed by `videoId`.
 * Browsers store IndexedDB Blobs on disk, so this doesn't hold the file in memory either.
 */
export interface VideoBlobRecord {
  videoId: string;
  blob: Blob;
}

/**
 * `frames` — frames kept for the index: a small WebP at the frame's exact presentation time `t`
 * (seconds). Primary key [videoId+t] makes re-runs idempotent; `videoId` serves per-video reads.
 */
export interface FrameRecord extends SampledFrame {
  videoId: string;
  lineage: Lineage;
}

/** `scenes` — shots between cuts, [start, end) seconds. Key [videoId+index]. */
export interface SceneRecord {
  videoId: string;
  index: number;
  start: number;
  end: number;
  lineage: Lineage;
}

/** `speechRegions` — where someone speaks, seconds; transcription runs only there. Key [videoId+start]. */
export interface SpeechRegionRecord {
  videoId: string;
  start: number;
  end: number;
  lineage: Lineage;
}

/**
 * `detections` — objects seen in one stored frame (boxes in that frame's pixels, class-wise NMS
 * done). One row per frame, key [videoId+t]: re-running a frame replaces its row.
 */
export interface DetectionRecord {
  videoId: string;
  t: number;
  objects: Detection[];
  lineage: Lineage;
}

/**
 * `objectTracks` — when each kind of object is visible: consecutive frames with the same label
 * merged into a range. Key [videoId+label+start]; the `[videoId+label]` index answers "when is
 * there a bus?" without reading every frame.
 */
export interface ObjectTrackRecord {
  videoId: string;
  label: string;
  start: number;
  end: number;
  maxScore: number;
  /** Detections merged into this range (boxes, over all its frames). */
  count: number;
  lineage: Lineage;
}

/** `onScreenText` — text lines read in one stored frame (OCR), boxes in its pixels. Key [videoId+t]. */
export interface OnScreenTextRecord {
  videoId: string;
  t: number;
  lines: TextLine[];
  /** False when a quick low-resolution pass found nothing text-like and OCR skipped the frame. */
  textLike: boolean;
  lineage: Lineage;
}

/**
 * `textRanges` — when each line of on-screen text is visible: the same line over consecutive
 * frames merged into a range. Key [videoId+text+start]; `videoId` serves per-video reads.
 */
export interface TextRangeRecord {
  videoId: string;
  text: string;
  start: number;
  end: number;
  maxScore: number;
  count: number;
  lineage: Lineage;
}

/**
 * `transcriptSegments` — what was said, in absolute video seconds, with word timestamps where the
 * model gives them. Key [videoId+chunkStart+index] (segments may share a start time): a chunk
 * transcribed again replaces its own segments. `[videoId+start]` reads a transcript in order.
 */
export interface TranscriptSegmentRecord {
  videoId: string;
  /** Start of the Whisper chunk (≤ 30 s of speech) this segment came from, and its place in it. */
  chunkStart: number;
  index: number;
  start: number;
  end: number;
  text: string;
  words: { text: string; start: number; end: number }[];
  /** ISO 639-1 code of the language spoken (detected per chunk by multilingual models). */
  language: string;
  lineage: Lineage;
}

/**
 * `transcriptChunks` — the ≤ 30 s stretches of speech Whisper has been through, with or without
 * words found: the transcript stage's checkpoint (a resumed run skips them) and what its
 * completeness is measured against. Key [videoId+start]; written with the chunk's segments in one
 * transaction.
 */
export interface TranscriptChunkRecord {
  videoId: string;
  start: number;
  end: number;
  segments: number;
  language: string;
  lineage: Lineage;
}

/** `captions` — one sentence per stored frame and the mean probability of its tokens. Key [videoId+t]. */
export interface CaptionRecord {
  videoId: string;
  t: number;
  caption: string;
  confidence: number;
  lineage: Lineage;
}

/** What an embedding stands for: a transcript segment, a caption, an on-screen text, a frame. */
export type EmbeddingSource = 'transcript' | 'caption' | 'text' | 'frame';

/**
 * `embeddings` — search vectors, int8 with one scale each (src/shared/vector-codec.ts), tagged with
 * the model that made them (vectors of different models are not comparable). `key` names the item
 * within its source (a segment's chunk and index, a frame's time, a text and its start), so the
 * primary key [videoId+source+key] makes re-writes idempotent; [videoId+source] serves searches.
 */
export interface EmbeddingRecord {
  videoId: string;
  source: EmbeddingSource;
  key: string;
  /** Video time the item covers, seconds (start = end for a frame or a caption). */
  start: number;
  end: number;
  /** The text embedded; empty for a frame. */
  text: string;
  model: string;
  values: Int8Array;
  scale: number;
  lineage: Lineage;
}

/**
 * `toolResults` — results of expensive tool calls (look_again, the searches), so asking again
 * costs a read. `videoId` is the video the call covered (`*` for the whole library), `call` the
 * tool and its arguments; `version` is the index version of the videos covered plus the models
 * used, and a row whose version is not today's is recomputed and replaced. Key [videoId+call].
 */
export interface ToolResultRecord {
  videoId: string;
  call: string;
  version: string;
  result: unknown;
  createdAt: number;
}

/**
 * `chatTurns` — the conversation, per video (`*` for the library-wide chat): each question with
 * its answer, the moments cited, the tool calls made and the follow-ups offered. Auto-increment
 * key `id`; `[videoId+createdAt]` reads one conversation in order.
 */
export interface ChatTurnRecord {
  id?: number;
  videoId: string;
  question: string;
  answer: string;
  /** `confirmed` false: the claim failed its local check (absent in turns stored before checks). */
  citations: { video_id: string; t: number; label: string; confirmed?: boolean; why?: string }[];
  toolCalls: { name: string; arguments: string; ok: boolean }[];
  suggestions: string[];
  /** Who answered: Groq, the local chat model (from the tools' facts), or the tools alone. */
  mode: 'groq' | 'local' | 'tools';
  createdAt: number;
  /** Groq answers: each request body exactly as sent for this answer, with its size in bytes. */
  sent?: { body: string; bytes: number }[];
  /**
   * The kinds of the video's content the answer may quote (what its tools returned, or what was
   * shared with Groq for it): a kind kept back later withholds the answer from Groq's memory.
   * Absent in turns stored before kinds were recorded: they may hold any kind.
   */
  holds?: SharedKind[];
  /** Restored from a backup: someone's earlier words, never sent as BRI's own answers. */
  imported?: true;
}

/**
 * `chapters` — a video's chapters, titled, in order: made by "Make chapters" (by Groq from the
 * index, or locally from scene cuts and slide text) and replaced whole when made again.
 * Key [videoId+index].
 */
export interface ChapterRecord {
  videoId: string;
  index: number;
  start: number;
  end: number;
  title: string;
  /** Who titled it: Groq (with the model), or BRI from the scenes and on-screen text. */
  madeBy: 'groq' | 'scenes';
  model?: string;
  createdAt: number;
}

/**
 * `translations` — transcript segments in another language, one row per segment and language,
 * at the segment's own times. `key` is the segment's "chunkStart:index" and `source` the text it
 * translates, so a segment transcribed again is translated again. Written a batch at a time (a
 * stopped translation resumes after its last batch). Key [videoId+language+key];
 * `[videoId+language]` reads one language.
 */
export interface TranslationRecord {
  videoId: string;
  /** What the person asked for, e.g. "French", as the transcript tab lists it. */
  language: string;
  key: string;
  start: number;
  end: number;
  source: string;
  text: string;
  model: string;
  createdAt: number;
}

/**
 * `speakers` — who speaks when in a video (the speakers stage), one row per video: the turns
 * (speakers 1, 2, … in order of first appearance; two turns may overlap), how many voices were
 * told apart, and what the person calls them (`names`, kept when the stage runs again) and the
 * name suggestions they turned down. Key videoId.
 */
export interface SpeakersRecord {
  videoId: string;
  turns: { start: number; end: number; speaker: number }[];
  speakers: number;
  /** Speaker number → the name the person gave. */
  names: Record<string, string>;
  /** Suggestions the person said no to ("<speaker>:<name>"): never offered again. */
  dismissed: string[];
  lineage: Lineage;
  /**
   * While the stage runs: the windows heard so far and their voice pieces (vectors as the
   * embedder gave them), so a run a reload interrupted goes on from there. Gone once it is done.
   */
  checkpoint?: SpeakerCheckpoint;
}

/** What the speakers stage has heard so far (its first `windows` windows). */
export interface SpeakerCheckpoint {
  windows: number;
  pieces: { start: number; end: number; vector: Float32Array }[];
}

export type { StageName, StageState };

/**
 * `stages` — progress and outcome of each processing stage of each video: what the status panel
 * and `window.bri.status` show. Key [videoId+stage].
 */
export interface StageRecord {
  videoId: string;
  stage: StageName;
  state: StageState;
  /** 0–1. */
  progress: number;
  /** Plain words for the person: why it was skipped or failed. */
  detail: string | null;
  /** Result counts and timings, e.g. { frames: 150, scenes: 8, seconds: 6.1 }. */
  stats: Record<string, number>;
  updatedAt: number;
}

export class BriDatabase extends Dexie {
  videos!: EntityTable<VideoRecord, 'id'>;
  posters!: EntityTable<PosterRecord, 'videoId'>;
  videoBlobs!: EntityTable<VideoBlobRecord, 'videoId'>;
  frames!: Table<FrameRecord, [string, number]>;
  scenes!: Table<SceneRecord, [string, number]>;
  speechRegions!: Table<SpeechRegionRecord, [string, number]>;
  stages!: Table<StageRecord, [string, StageName]>;
  detections!: Table<DetectionRecord, [string, number]>;
  objectTracks!: Table<ObjectTrackRecord, [string, string, number]>;
  onScreenText!: Table<OnScreenTextRecord, [string, number]>;
  textRanges!: Table<TextRangeRecord, [string, string, number]>;
  transcriptSegments!: Table<TranscriptSegmentRecord, [string, number, number]>;
  captions!: Table<CaptionRecord, [string, number]>;
  transcriptChunks!: Table<TranscriptChunkRecord, [string, number]>;
  embeddings!: Table<EmbeddingRecord, [string, EmbeddingSource, string]>;
  toolResults!: Table<ToolResultRecord, [string, string]>;
  chatTurns!: Table<ChatTurnRecord, number>;
  chapters!: Table<ChapterRecord, [string, number]>;
  translations!: Table<TranslationRecord, [string, string, string]>;
  speakers!: EntityTable<SpeakersRecord, 'videoId'>;

  constructor(name = 'bri') {
    super(name);
    // Never edit a version once shipped: add db.version(n + 1) with the change.
    this.version(1).stores({
      videos: 'id, createdAt, name',
      posters: 'videoId',
      videoBlobs: 'videoId',
    });
    this.version(2).stores({
      frames: '[videoId+t], videoId',
      scenes: '[videoId+index], videoId',
      speechRegions: '[videoId+start], videoId',
      stages: '[videoId+stage], videoId',
    });
    this.version(3).stores({
      detections: '[videoId+t], videoId',
      objectTracks: '[videoId+label+start], videoId, [videoId+label]',
    });
    this.version(4).stores({
      onScreenText: '[videoId+t], videoId',
      textRanges: '[videoId+text+start], videoId',
      transcriptSegments: '[videoId+chunkStart+index], videoId, [videoId+start]',
    });
    this.version(5).stores({
      captions: '[videoId+t], videoId',
    });
    this.version(6).stores({
      embeddings: '[videoId+source+key], videoId, [videoId+source]',
    });
    this.version(7).stores({
      transcriptChunks: '[videoId+start], videoId',
    });
    this.version(8).stores({
      toolResults: '[videoId+call], videoId',
    });
    this.version(9).stores({
      chatTurns: '++id, videoId, [videoId+createdAt]',
    });
    this.version(10).stores({
      chapters: '[videoId+index], videoId',
      translations: '[videoId+language+key], videoId, [videoId+language]',
    });
    this.version(11).stores({}).upgrade(chunksFromSegments);
    this.version(12).stores({ speakers: 'videoId' });
  }
}

/** Tables whose rows belong to one video (keyed or indexed by `videoId`); deleting a video clears them all. */
export const VIDEO_OWNED_TABLES = [
  'posters',
  'videoBlobs',
  'frames',
  'scenes',
  'speechRegions',
  'stages',
  'detections',
  'objectTracks',
  'onScreenText',
  'textRanges',
  'transcriptSegments',
  'transcriptChunks',
  'captions',
  'embeddings',
  'toolResults',
  'chatTurns',
  'chapters',
  'translations',
  'speakers',
] as const;
