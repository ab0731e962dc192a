import { resolveModel } from '../../models';
import { frameAt, videoDecoder } from '../bridges/media';
import { transcribe } from '../bridges/transcribe';
import { ignoreProgress, type OnWorkProgress } from '../bridges/progress';
import {
  listCaptionsIn,
  listDetectionsIn,
  listFramesIn,
  listOnScreenTextIn,
  listStages,
  listTranscriptIn,
  putSpanFrame,
  putTranscriptChunk,
  touchUnfinishedStages,
  type StageRecord,
  type VideoRecord,
} from '../db';
import { logEvent } from '../diagnostics/session-log';
import { readSettings } from '../settings/settings';
import type { FrameInput } from '../shared/frame-results';
import type { Lineage } from '../shared/lineage';
import type { StageName } from '../shared/stages';
import type { Span, SpanLook } from '../shared/span-look';
import { hasPicture } from '../shared/video-types';
import { openVideoFile } from '../storage/video-files';
import { holdBackground } from './background-gate';
import { CAPTIONS } from './captions-stage';
import type { FrameModelStage } from './frame-model-stage';
import { OBJECTS } from './objects-stage';
import { lineage } from './stage-rows';
import { framesLineage } from './media-stages';
import { repairSegments } from './repair-segments';
import { TEXT } from './text-stage';

/** Longer spans are the stages' work: looking first is for a moment or a short stretch. */
const MAX_SPAN_S = 30;
/** One frame every this many seconds of a short span (the frames stage's own interval)… */
const SPAN_FRAME_STEP_S = 2;
/** …and no more than this many in a long one: each costs every image model a pass. */
const SPAN_MAX_FRAMES = 6;
/** A stored frame this close to a step already shows it. */
const FRAME_NEAR_S = 1;

/** The span with the frames sampled just either side of it (a step's frame may land there). */
const withNearFrames = (span: Span): Span => ({
  start: span.start - FRAME_NEAR_S,
  end: span.end + FRAME_NEAR_S,
});
/** The size the frames stage stores frames at (workers/lib/frames/sample-plan.ts). */
const STORED_FRAME_SIDE = 384;

const settled = (row: StageRecord | undefined) => row?.state === 'done' || row?.state === 'skipped';
/**
 * Work the queue holds: a span moves pending stages' work to the front; it does not start what
 * nobody asked for (auto-analysis off, a stage never run, one that failed or was cancelled).
 */
const pending = (row: StageRecord | undefined) =>
  row?.state === 'queued' || row?.state === 'running';

/** A frame model's stage and how to run it over a span's frames (returns the frames it ran on). */
interface SpanFrameModel {
  stage: StageName;
  run: (
    video: VideoRecord,
    frames: FrameInput[],
    span: Span,
    signal: AbortSignal,
  ) => Promise<number>;
}

function frameModel<Result extends { t: number }>(
  spec: FrameModelStage<Result>,
  storedIn: (videoId: string, span: Span) => Promise<{ t: number }[]>,
): SpanFrameModel {
  return {
    stage: spec.stage,
    run: (video, frames, span, signal) =>
      runFrameModel(spec, storedIn, video, frames, span, signal),
  };
}

/** The frame models, in the order their stages run with one lane. */
const FRAME_MODELS = [
  frameModel(OBJECTS, listDetectionsIn),
  frameModel(TEXT, listOnScreenTextIn),
  frameModel(CAPTIONS, listCaptionsIn),
];

/**
 * Analyses one span of a video ahead of its stages, for a question about it: frames are sampled
 * there (one every 2 s, at most 6, unless the frames stage has stored them), the detector, the
 * text reader and the captioner look at them, and Whisper hears the span's audio — each only
 * where its stage is queued or running and the span has nothing from it yet. The running stages
 * wait meanwhile (background-gate.ts). The rows are the stages' kind, marked as the span's, and give way to the
 * stages' own when those get there (src/db/span-rows.ts). `onStart` is called once there is work
 * to do; returns null when the stages have the span covered already.
 */
export async function lookAtSpanFirst(
  video: VideoRecord,
  asked: Span,
  signal: AbortSignal,
  onStart: () => void = () => undefined,
): Promise<SpanLook | null> {
  const span = {
    start: Math.max(0, asked.start),
    end: Math.min(video.duration, asked.end, Math.max(0, asked.start) + MAX_SPAN_S),
  };
  if (span.end <= span.start) return null;
  const stage = stageLookup(await listStages(video.id));
  const framesThere = settled(stage('frames')) || pending(stage('frames'));
  const picture =
    hasPicture(video) && framesThere && FRAME_MODELS.some((model) => pending(stage(model.stage)));
  const sound = video.hasAudio && pending(stage('transcript'));
  if (!picture && !sound) return null;
  onStart();

  const started = performance.now();
  const did: SpanLook['did'] = {};
  const release = holdBackground();
  try {
    const file = await openVideoFile(video.id, video.storage);
    if (picture) {
      if (pending(stage('frames'))) did.frames = await sampleSpanFrames(video, file, span);
      const frames = await listFramesIn(video.id, withNearFrames(span));
      for (const model of FRAME_MODELS) {
        if (!pending(stage(model.stage))) continue;
        signal.throwIfAborted();
        did[model.stage] = await model.run(video, frames, span, signal);
      }
    }
    if (sound && (await listTranscriptIn(video.id, span)).length === 0) {
      signal.throwIfAborted();
      did.transcript = await transcribeSpan(video, file, span, signal);
    }
    await touchUnfinishedStages(video.id);
  } finally {
    release();
  }
  const look = {
    ...span,
    did,
    seconds: (performance.now() - started) / 1000,
    stagesThen: (await listStages(video.id))
      .filter((row) => !settled(row))
      .map(({ stage: name, state, progress }) => ({ stage: name, state, progress })),
  };
  logEvent({
    level: 'info',
    component: 'pipeline',
    videoId: video.id,
    message: `looked at ${span.start.toFixed(1)}–${span.end.toFixed(1)} s first (${describe(look)})`,
    durationMs: look.seconds * 1000,
    // Flat figures: what each stage did for the span, and each unfinished stage's progress then.
    data: {
      ...span,
      ...did,
      ...Object.fromEntries(look.stagesThen.map((s) => [`${s.stage}Progress`, s.progress])),
    },
  });
  return look;
}

/** "frames 6, objects 6, transcript 1; stages then: frames 2 %, speech 80 %". */
function describe(look: SpanLook): string {
  const did = Object.entries(look.did).map(([stage, count]) => `${stage} ${count}`);
  const then = look.stagesThen.map((s) => `${s.stage} ${Math.round(s.progress * 100)} %`);
  return `${did.join(', ') || 'nothing new'}; stages then: ${then.join(', ') || 'all done'}`;
}

function stageLookup(rows: StageRecord[]) {
  return (name: StageName) => rows.find((row) => row.stage === name);
}

/** Samples the span's frames the frames stage hasn't stored; returns how many were stored. */
async function sampleSpanFrames(video: VideoRecord, file: Blob, span: Span): Promise<number> {
  const stored = await listFramesIn(video.id, withNearFrames(span));
  const frameLineage = framesLineage(await videoDecoder(file, video.container), {
    span: [span.start, span.end],
  });
  let count = 0;
  const seen = new Set(stored.map((frame) => frame.t));
  const step = Math.max(SPAN_FRAME_STEP_S, (span.end - span.start) / (SPAN_MAX_FRAMES - 1));
  for (let t = span.start; t <= span.end + 1e-6; t += step) {
    if (stored.some((frame) => Math.abs(frame.t - t) < FRAME_NEAR_S)) continue;
    const frame = await frameAt(file, video.container, t, STORED_FRAME_SIDE);
    if (seen.has(frame.t) || frame.t < span.start - FRAME_NEAR_S) continue; // past the last frame
    seen.add(frame.t);
    const record = { videoId: video.id, ...frame, sceneIndex: 0, reason: 'span' as const };
    if (!(await putSpanFrame({ ...record, lineage: frameLineage }))) break; // the stage finished
    count++;
  }
  return count;
}

/** Runs one frame model over the span's frames that have no result from it yet. */
async function runFrameModel<Result extends { t: number }>(
  spec: FrameModelStage<Result>,
  storedIn: (videoId: string, span: Span) => Promise<{ t: number }[]>,
  video: VideoRecord,
  frames: FrameInput[],
  span: Span,
  signal: AbortSignal,
): Promise<number> {
  const done = new Set((await storedIn(video.id, withNearFrames(span))).map((row) => row.t));
  const toRun = frames.filter((frame) => !done.has(frame.t));
  if (toRun.length === 0) return 0;
  const model = resolveModel(spec.role, readSettings());
  const ran = deviceTracker();
  const used = () =>
    lineage(
      model.id,
      model.revision,
      { ...spec.parameters, span: [span.start, span.end] },
      ran.device,
      ran.dtype,
    );
  await spec.run(
    signal,
    model,
    toRun.map(({ t, blob }) => ({ t, blob })),
    {
      onFrame: async (raw) => {
        await spec.save(video.id, spec.repair(raw).result, used());
      },
      onProgress: ran.onProgress,
    },
  );
  return toRun.length;
}

/** Whisper over the span's audio (no speech detection first); returns the chunks heard. */
async function transcribeSpan(
  video: VideoRecord,
  file: Blob,
  span: Span,
  signal: AbortSignal,
): Promise<number> {
  const model = resolveModel('asr', readSettings());
  const ran = deviceTracker();
  const request = {
    model,
    file,
    video: { container: video.container, duration: video.duration },
    regions: [span],
    done: [],
    // Only the span's audio is decoded, not all before it.
    seek: true,
  };
  const result = await transcribe(signal, request, {
    onChunk: async ({ chunk, segments: raw, language }) => {
      const { segments } = repairSegments(raw, { start: 0, end: video.duration });
      const used: Lineage = lineage(
        model.id,
        model.revision,
        { chunk, language, span: [span.start, span.end] },
        ran.device,
        ran.dtype,
      );
      const base = { videoId: video.id, language: language.code, lineage: used };
      await putTranscriptChunk(
        { ...base, start: chunk.start, end: chunk.end, segments: segments.length },
        segments.map((segment, index) => ({ ...base, ...segment, chunkStart: chunk.start, index })),
      );
    },
    onProgress: ran.onProgress,
  });
  return result.chunks;
}

/** The device and weights a model call reports when its model is ready, for the rows' lineage. */
function deviceTracker(): {
  device: Lineage['device'];
  dtype?: string;
  onProgress: OnWorkProgress;
} {
  const tracker: { device: Lineage['device']; dtype?: string; onProgress: OnWorkProgress } = {
    device: 'wasm',
    onProgress: (progress) => {
      if (progress.status !== 'ready') return ignoreProgress(progress);
      tracker.device = progress.device === 'webgpu' ? 'webgpu' : 'wasm';
      tracker.dtype = progress.dtype;
    },
  };
  return tracker;
}
