import { proxy } from 'comlink';
import { resolveModel } from '../../models';
import type { FrameInput } from '../../workers/vision.worker';
import type { ModelProgress } from '../../workers/lib/models/fetch-model';
import {
  clearStageRows,
  listFrames,
  type StageName,
  type StageRecord,
  type VideoRecord,
} from '../db';
import type { Lineage } from '../shared/lineage';
import type { ModelRole, ResolvedModel } from '../shared/model-spec';
import { readSettings } from '../settings/settings';
import { mergeDetectionRanges, type FrameObjects, type ObjectRange } from './object-tracks';
import { reportStage } from './stage-status';
import { lineage, progressWriter, setStage, stageRow } from './stage-rows';

type WorkerProgress = ModelProgress | { status: 'frames'; fraction: number };

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
    onFrame: (result: Result) => Promise<void>,
    onProgress: (progress: WorkerProgress) => void,
  ) => Promise<{ seconds: number }>;
  /** Stores one frame's result. */
  save: (videoId: string, result: Result, lineage: Lineage) => Promise<unknown>;
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
}

/** A label missing for up to this many frame intervals stays one range (models blink). */
const GAP_FRAMES = 2.5;

/** Typical spacing of stored frames, seconds (the median, so scene-start frames don't skew it). */
function frameSpacing(times: number[]): number {
  const gaps = times.slice(1).map((t, i) => t - (times[i] ?? t));
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] ?? 2;
}

/** "Downloading <file> 45 % (12.3 MB)" for a model download in progress. */
export function describeDownload(progress: ModelProgress): string | null {
  if (progress.status !== 'progress') return null;
  const percent = progress.total
    ? ` ${Math.round((progress.loaded / progress.total) * 100)} %`
    : '';
  return `Downloading ${progress.file}${percent} (${(progress.loaded / 1e6).toFixed(1)} MB)`;
}

/** Runs `spec` over the video's stored frames: download progress, per-frame rows, ranges. */
export async function runFrameModelStage<Result extends { t: number }>(
  spec: FrameModelStage<Result>,
  video: VideoRecord,
  signal: AbortSignal,
): Promise<void> {
  await clearStageRows(video.id, spec.stage);
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
  const writeProgress = progressWriter(video.id, spec.stage);
  let device: Lineage['device'] = 'wasm';
  let rowLineage: Lineage | null = null;
  let lastReport = 0;
  const results: Result[] = [];
  const result = await spec.run(
    signal,
    model,
    frames.map(({ t, blob }) => ({ t, blob })),
    proxy(async (frameResult: Result) => {
      results.push(frameResult);
      rowLineage ??= lineage(model.id, model.revision, spec.parameters, device);
      await spec.save(video.id, frameResult, rowLineage);
    }),
    proxy((progress: WorkerProgress) => {
      if (progress.status === 'frames') writeProgress(progress.fraction);
      else if (progress.status === 'ready')
        device = progress.device === 'webgpu' ? 'webgpu' : 'wasm';
      else {
        const detail = describeDownload(progress);
        if (detail && Date.now() - lastReport > 250) {
          lastReport = Date.now();
          void setStage(video.id, spec.stage, { detail });
        }
      }
    }),
  );
  const maxGap = GAP_FRAMES * frameSpacing(frames.map((f) => f.t));
  const ranges = mergeDetectionRanges(
    results.map((r) => ({ t: r.t, objects: spec.labels(r) })),
    maxGap,
  );
  const stats = { ...spec.stats(results, ranges), seconds: result.seconds };
  const done = stageRow(video.id, spec.stage, { state: 'done', progress: 1, stats });
  const used = lineage(model.id, model.revision, { ...spec.parameters, maxGap }, device);
  await spec.finish(video.id, ranges, used, done);
  reportStage(done);
}
