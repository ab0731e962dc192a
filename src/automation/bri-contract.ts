import { STAGE_NAMES, type StageName } from '../shared/stages';
import type {
  BriSettings,
  BriSettingsChange,
  DiagnosticsReport,
  MediaIndex,
  ToolListing,
  ToolOutcome,
  VideoStatus,
} from '../features/automation-types';
import type { SpanLook } from '../shared/span-look';
import type { VideoRecord } from '../shared/video-types';
import type { ExportFormat } from '../shared/export-formats';

export { STAGE_NAMES, type StageName };
export type { BriSettings, MediaIndex, VideoStatus };
export type { Completeness, CompletenessItem, StageStatus } from '../features/automation-types';

/** A change to the settings: any of them, and any of the Send to Groq switches. */
export type SettingsChange = BriSettingsChange;

/**
 * `window.bri` — the automation API for power users and tests. Every call goes through the same
 * code as the UI, so what it does is what a person sees.
 */
export interface BriApi {
  /** The app's version (package.json). */
  readonly version: string;
  /**
   * Imports a video (validated, stored in OPFS, added to the library) and resolves with its id.
   * Rejects with a named error (`EmptyFileError`, `NotAVideoError`, `TruncatedVideoError`,
   * `UndecodableVideoError`, `StorageFullError`) whose message is the one the UI shows.
   */
  importVideo(file: File | Blob, name?: string): Promise<string>;
  /** Every video, newest first. */
  listVideos(): Promise<VideoRecord[]>;
  getVideo(id: string): Promise<VideoRecord | null>;
  /** Deletes the video, its file and every row that belongs to it. Resolves false if it didn't exist. */
  deleteVideo(id: string): Promise<boolean>;
  /**
   * Per-stage processing state: `frames` (frames + scenes), `speech` (audio + speech regions),
   * `objects` (detections + object ranges), `text` (on-screen text + its ranges), `transcript`,
   * `captions`, `embeddings` (search vectors of texts and frames).
   */
  status(videoId: string): Promise<VideoStatus>;
  /**
   * Resolves when the video's stages (all, or `options.stages`) are done or skipped; rejects with
   * a `StageFailedError` naming the stage and why when one fails or is cancelled, or with a
   * `NotAnalysedError` when nothing is queued to produce them.
   */
  whenIndexed(videoId: string, options?: { stages?: StageName[] }): Promise<void>;
  /** Changes settings kept in this browser; resolves with all of them. */
  configure(options: SettingsChange): Promise<BriSettings>;
  /**
   * (Re-)runs a video's analysis: every stage, or `options.stages` plus any stage they read whose
   * results are not stored yet (stage-graph.ts). Resolves when they have ended (done, skipped,
   * failed or cancelled); each stage waits only for what it reads.
   */
  analyse(videoId: string, options?: { stages?: StageName[] }): Promise<void>;
  /**
   * Marks the video the person is looking at (null: none): its queued analysis runs next, ahead
   * of videos queued before it (the one already running finishes first).
   */
  focusVideo(videoId: string | null): void;
  /**
   * Cancels the video's analysis, queued or running: each unfinished stage ends `cancelled`, its
   * partial rows are removed; what finished is kept. Resolves once the workers stopped writing.
   */
  cancelAnalysis(videoId: string): Promise<void>;
  /** Everything stored about a video: frames, scenes, speech, speakers, objects, text, transcript, captions, embeddings. */
  getIndex(videoId: string): Promise<MediaIndex>;
  /**
   * Names speaker `speaker` (1, 2, … as `getIndex().speakers` numbers them) everywhere at once:
   * transcript, timeline, exports and answers; an empty name gives back "Speaker N".
   */
  renameSpeaker(videoId: string, speaker: number, name: string): Promise<void>;
  /**
   * A search query's vector in the sentence space (`text`) or CLIP's (`image`, to compare with
   * frames), with the model and the device (webgpu / wasm) that made it.
   */
  embedQuery(
    query: string,
    space: 'text' | 'image',
  ): Promise<{ model: string; device: string; vector: number[] }>;
  /** The frame at `t` seconds at full resolution (WebP), with its exact presentation time. */
  frameAt(
    videoId: string,
    t: number,
  ): Promise<{ blob: Blob; t: number; width: number; height: number }>;
  /**
   * A `.bri` backup of the given videos (all when omitted): each video's file and its whole
   * index, as one Blob (built lazily from the stored files, not copied into memory).
   */
  exportBackup(videoIds?: string[]): Promise<Blob>;
  /**
   * One video exported: subtitles from its transcript (`srt`, `vtt`), notes as Markdown (`md`:
   * summary, chapters, the conversation with its moments), its chapters as a WebVTT chapters
   * track (`chapters`) or a "0:00 Title" list (`chapter-list`) — made first if there are none —
   * a slides deck (`slides`: one self-contained HTML file), or its index as a `.bri` backup
   * (`index`). Subtitles take `{ language }` for a translation made with `translate`. Rejects with
   * `NothingToExportError` for subtitles of a video with no transcript (or no finished
   * translation into that language).
   */
  export(videoId: string, format: ExportFormat, options?: { language?: string }): Promise<Blob>;
  /**
   * Translates the transcript into `language` ("French", "Japanese"…) with Groq, 40 lines a call:
   * each line keeps its times; every batch is stored as it lands, so a translation that stopped
   * resumes where it was and one already done sends nothing. `srt` / `vtt` exports take
   * `{ language }` afterwards. Rejects with `TranslationError` (no key, offline, the transcript
   * kept from Groq in Settings, nothing said) or the Groq failure — lines done are kept.
   */
  translate(
    videoId: string,
    language: string,
  ): Promise<{ language: string; done: number; total: number; batches: number }>;
  /**
   * "Make chapters": with a Groq key, one call over the scenes, transcript and on-screen text
   * (each start checked against the index); without one, from the scene cuts and slide text.
   * Replaces the stored chapters and resolves with them, in order, the first at 0.
   */
  makeChapters(videoId: string): Promise<{ start: number; end: number; title: string }[]>;
  /**
   * [start, end) seconds of a video as a clip (MP4; WebM for WebM sources), cut from the stored
   * file without reading it whole: packets are copied (an MP4 cut between key frames keeps the key
   * frame before and an edit list hides the lead-in); a WebM cut off a key frame is re-encoded.
   * Rejects with `ClipRangeError` (outside the video, empty, over 30 min) or
   * `ClipUnsupportedError` (AVI, FLV: containers the browser can't cut).
   */
  exportClip(videoId: string, start: number, end: number): Promise<Blob>;
  /**
   * The ranges joined into one clip in time order (overlaps merged), by copying packets: each
   * part starts at the key frame at or before its start. `parts` says what each part holds.
   */
  exportHighlights(
    videoId: string,
    ranges: { start: number; end: number }[],
  ): Promise<{
    blob: Blob;
    parts: { asked: { start: number; end: number }; start: number; end: number }[];
  }>;
  /**
   * Restores a `.bri` backup (the same as dropping it on the page): the videos not in the library
   * yet, each all or nothing. Rejects with `NotABackupError` for a file that isn't one.
   */
  importBackup(file: Blob): Promise<{
    imported: { id: string; name: string }[];
    skipped: { id: string; name: string; reason: string }[];
  }>;
  /**
   * Asks BRI about a video (or, with null, the whole library), as the chat does: with Groq when
   * a key is set and the browser is online, else from the tools alone. Resolves with the answer,
   * the moments it cites (only ones the tools returned; `invented` lists the others; each with
   * `confirmed`: its claim re-checked in the index there, `why` when not), the tool
   * calls made, 1–3 follow-ups and `sent` (the request bodies as they left for Groq, with the
   * kinds switched off in Settings → Send to Groq withheld); the turn joins the conversation. A
   * question about a moment not analysed yet ("what is on screen at 4:30?") has that span
   * analysed first (`lookedFirst`). Rejects with an `AgentError` in plain words (bad key, rate
   * limit, server, network).
   */
  ask(
    videoId: string | null,
    question: string,
  ): Promise<{
    text: string;
    citations: { video_id: string; t: number; label: string; confirmed: boolean; why?: string }[];
    invented: string[];
    tool_calls: { name: string; arguments: string; ok: boolean }[];
    suggestions: string[];
    mode: 'groq' | 'local' | 'tools';
    /** Groq answers: each request body exactly as it was sent to Groq for this answer. */
    sent: string[];
    /**
     * The span the question pointed at, analysed ahead of the stages because they hadn't reached
     * it (what each stage did there, and where the stages stood when it was ready); else null.
     */
    lookedFirst: SpanLook | null;
  }>;
  /** Forgets a video's conversation (null: the library chat's); resolves with the turns removed. */
  wipeMemory(videoId: string | null): Promise<number>;
  /**
   * This session's diagnostics as the page exports them: device, stage timings, tool calls and
   * the tool-result cache's hit rate, and the structured log.
   */
  diagnostics(): Promise<DiagnosticsReport>;
  /**
   * The agent's tools, usable on their own: `list()` describes them as an MCP server's
   * `tools/list` does (JSON Schema arguments); `execute(name, args)` runs one and never throws —
   * bad arguments, an unknown video or a failure come back as `{ ok: false, error }`.
   */
  readonly tools: {
    list(): Promise<{ tools: ToolListing[] }>;
    execute(name: string, args?: unknown): Promise<ToolOutcome>;
  };
}

/**
 * `window.briTest` — hooks for the bench and the tests, in test and bench builds only
 * (`vite build --mode test`); the production build carries none of it.
 */
export interface BriTestHooks {
  /** Benchmark baseline (`npm run bench`): ffmpeg.wasm extracting 1 fps from the whole file in memory. */
  benchmarkNaiveFrames(videoId: string): Promise<{ frames: number; seconds: number }>;
  /**
   * Benchmark fixture: adds a video of `minutes` with a generated index (frames every 2 s,
   * transcript, detections, on-screen text, vectors) and no file; resolves with its id.
   */
  benchmarkSeedIndex(minutes: number): Promise<string>;
  /** Benchmark fixture: a library of `hours` synthetic one-hour videos; resolves with their ids. */
  benchmarkSeedLibrary(hours: number): Promise<string[]>;
}

declare global {
  interface Window {
    bri: BriApi;
    /** Test and bench builds only. */
    briTest?: BriTestHooks;
  }
}
