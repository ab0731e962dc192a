import { resolveModel } from '../../models';
import type { FrameCallbacks } from '../bridges/progress';
import {
  clearStageRows,
  listFrames,
  listScenes,
  type StageName,
  type StageRecord,
  type VideoRecord,
} from '../db';
import type { FrameInput } from '../shared/frame-results';
import type { Lineage } from '../shared/lineage';
import type { ModelRole, ResolvedModel } from '../shared/model-spec';
import { readSettings } from '../settings/settings';
import { hasPicture } from '../shared/video-types';
import { openVideoFile } from '../storage/video-files';
import { NO_PICTURE } from './no-picture';
import {
  mergeDetectionRanges,
  rangeGap,
  type FrameObjects,
  type ObjectRange,
} from './object-tracks';
import { reportStage } from './stage-status';
import { backgroundTurn } from './background-gate';
import { StageProgress } from './stage-progress';
import type { Repaired } from './repair-frame-results';
import { logEvent } from '../diagnostics/session-log';
import { lineage, setStage, stageRow } from './stage-rows';
import { planFrameReuse, reusedLineage } from './frame-reuse';

/** A stage that runs one model over every stored frame and merges what it saw into ranges. */
export interface FrameModelStage<Result extends { t: number }> {
  stage: StageName;
  role: ModelRole;
  parameters: Record<string, unknown>;
  /** Calls the worker: results frame by frame, progress, and the seconds inference took. */
  run: (
    signal: AbortSignal,
    model: ResolvedModel,
    frames: FrameInput[],
    callbacks: FrameCallbacks<Result>,
  ) => Promise<{ seconds: number }>;
  /** Stores one frame's result. */
  save: (videoId: string, result: Result, lineage: Lineage) => Promise<unknown>;
  /** The per-frame results already stored (the checkpoint a resumed run continues from). */
  load: (videoId: string) => Promise<Result[]>;
  /** The result made fit for its row (NaN scores, inside-out boxes…), with how much was fixed. */
  repair: (result: Result) => Repaired<Result>;
  /** What the frame showed, as labels to merge over time. */
  labels: (result: Result) => FrameObjects['objects'];
  /** Stores the ranges and the done row in one transaction. */
  finish: (
    videoId: string,
    ranges: ObjectRange[],
    lineage: Lineage,
    done: StageRecord,
  ) => Promise<void>;
  stats: (results: Result[], ranges: ObjectRange[]) => Record<string, number>;
  /**
   * Ends the model's worker when the stage is over: the next model stage needs the memory more
   * than a later look_again needs this model warm (a real-size captioner holds ~1 GB).
   */
  release: () => void;
  /** The model reads frames at the video's own resolution (FrameInput.source). */
  readsFullFrames?: boolean;
}

/**
 * Runs `spec` over the video's stored frames: download progress, per-frame rows, ranges. The
 * model sees only the frames that show something new; every other frame gets a copy of its
 * shot's looked-at frame's result, its lineage naming that frame (`reusedFrom`). With `resume`,
 * frames whose result is already stored are not run again (each frame's row is one write, so a
 * reload never leaves half a frame).
 */
export async function runFrameModelStage<Result extends { t: number }>(
  spec: FrameModelStage<Result>,
  video: VideoRecord,
  signal: AbortSignal,
  resume = false,
): Promise<void> {
  try {
    await runOnFrames(spec, video, signal, resume);
  } finally {
    spec.release();
  }
}

async function runOnFrames<Result extends { t: number }>(
  spec: FrameModelStage<Result>,
  video: VideoRecord,
  signal: AbortSignal,
  resume: boolean,
): Promise<void> {
  if (!resume) await clearStageRows(video.id, spec.stage);
  if (!hasPicture(video)) {
    await setStage(video.id, spec.stage, NO_PICTURE);
    return;
  }
  const results: Result[] = resume ? await spec.load(video.id) : [];
  const stored = new Set(results.map((r) => r.t));
  const resumedFrames = stored.size;
  const frames = await listFrames(video.id);
  if (frames.length === 0) {
    await setStage(video.id, spec.stage, {
      state: 'skipped',
      progress: 1,
      detail: 'No frames to look at yet: analyse the frames first.',
    });
    return;
  }
  await setStage(video.id, spec.stage, { state: 'running' });
  const model = resolveModel(spec.role, readSettings());
  const progress = new StageProgress(video.id, spec.stage);
  // Frames that show nothing new take a copy of their shot's looked-at frame's result.
  const { looked, sharers } = planFrameReuse(frames);
  const toRun = looked.filter(({ t }) => !stored.has(t));
  let rowLineage: Lineage | null = null;
  // Made when the first result comes, once the worker has said which device ran the model.
  const rowUsed = () =>
    (rowLineage ??= lineage(
      model.id,
      model.revision,
      spec.parameters,
      progress.device,
      progress.dtype,
    ));
  let repaired = 0;
  let copied = 0;
  const share = async (source: Result) => {
    for (const t of sharers.get(source.t) ?? []) {
      if (stored.has(t)) continue;
      const copy = { ...source, t };
      results.push(copy);
      stored.add(t);
      copied++;
      await spec.save(video.id, copy, reusedLineage(rowUsed(), source.t));
    }
  };
  const source = spec.readsFullFrames
    ? { file: await openVideoFile(video.id, video.storage), container: video.container }
    : undefined;
  const result = await spec.run(
    signal,
    model,
    toRun.map(({ t, blob }) => ({ t, blob, ...(source ? { source } : {}) })),
    {
      onFrame: async (raw: Result) => {
        await backgroundTurn(signal);
        const { result: frameResult, fixed } = spec.repair(raw);
        repaired += fixed;
        results.push(frameResult);
        stored.add(frameResult.t);
        await spec.save(video.id, frameResult, rowUsed());
        await share(frameResult);
      },
      onProgress: progress.handle,
    },
  );
  // A run stopped between a looked-at frame's row and its copies finishes the copies on resume
  // (share skips those stored; copies have no sharers of their own).
  for (const source of [...results]) await share(source);
  results.sort((a, b) => a.t - b.t);
  const maxGap = rangeGap(frames.map((f) => f.t));
  // Ranges cover the shot they were seen in, bounded by its cuts (object-tracks.ts).
  const shots = { scenes: await listScenes(video.id), duration: video.duration };
  const ranges = mergeDetectionRanges(
    results.map((r) => ({ t: r.t, objects: spec.labels(r) })),
    maxGap,
    shots,
  );
  const stats = {
    ...spec.stats(results, ranges),
    seconds: result.seconds,
    modelFrames: toRun.length,
    sharedFrames: copied,
    resumedFrames,
    repairedResults: repaired,
  };
  if (repaired > 0) {
    logEvent({
      level: 'warn',
      component: 'pipeline',
      message: `${spec.stage}: ${repaired} malformed model results repaired or dropped`,
      videoId: video.id,
      data: { repaired },
    });
  }
  const done = stageRow(video.id, spec.stage, { state: 'done', progress: 1, stats });
  const used = lineage(
    model.id,
    model.revision,
    { ...spec.parameters, maxGap },
    progress.device,
    progress.dtype,
  );
  await spec.finish(video.id, ranges, used, done);
  reportStage(done);
}
