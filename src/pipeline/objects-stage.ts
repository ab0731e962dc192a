import { proxy } from 'comlink';
import { resolveModel } from '../../models';
import type { FrameDetections } from '../../workers/vision.worker';
import type { ModelProgress } from '../../workers/lib/models/fetch-model';
import {
  clearStageRows,
  finishObjectsStage,
  listFrames,
  putDetections,
  type VideoRecord,
} from '../db';
import { withVisionWorker } from '../media/vision-bridge';
import type { Lineage } from '../shared/lineage';
import { readSettings } from '../settings/settings';
import { mergeDetectionRanges } from './object-tracks';
import { reportStage } from './stage-status';
import { lineage, progressWriter, setStage, stageRow } from './stage-rows';

/** A label missing for up to this many frame intervals stays one range (detectors blink). */
const GAP_FRAMES = 2.5;

/** Typical spacing of stored frames, seconds (the median, so scene-start frames don't skew it). */
function frameSpacing(times: number[]): number {
  const gaps = times.slice(1).map((t, i) => t - (times[i] ?? t));
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] ?? 2;
}

function describeDownload(progress: ModelProgress): string | null {
  if (progress.status !== 'progress') return null;
  const percent = progress.total
    ? ` ${Math.round((progress.loaded / progress.total) * 100)} %`
    : '';
  return `Downloading ${progress.file}${percent} (${(progress.loaded / 1e6).toFixed(1)} MB)`;
}

/** Objects: the detector over every stored frame, then per-label time ranges. Needs `frames`. */
export async function runObjectsStage(video: VideoRecord, signal: AbortSignal): Promise<void> {
  await clearStageRows(video.id, 'objects');
  const frames = await listFrames(video.id);
  if (frames.length === 0) {
    await setStage(video.id, 'objects', {
      state: 'skipped',
      progress: 1,
      detail: 'No frames to look at yet: analyse the frames first.',
    });
    return;
  }
  await setStage(video.id, 'objects', { state: 'running' });
  const model = resolveModel('detect', readSettings());
  const writeProgress = progressWriter(video.id, 'objects');
  let rowLineage: Lineage | null = null;
  let lastReport = 0;
  const seen: FrameDetections[] = [];
  const result = await withVisionWorker((vision) =>
    vision.detectFrames(
      signal,
      model,
      frames.map(({ t, blob }) => ({ t, blob })),
      proxy(async (frame: FrameDetections) => {
        seen.push(frame);
        rowLineage ??= lineage(
          model.id,
          model.revision,
          { scoreThreshold: 0.3, nms: 0.45 },
          'wasm',
        );
        await putDetections({ videoId: video.id, ...frame, lineage: rowLineage });
      }),
      proxy((progress) => {
        if (progress.status === 'frames') writeProgress(progress.fraction);
        else if (progress.status === 'ready')
          rowLineage = lineage(
            model.id,
            model.revision,
            { scoreThreshold: 0.3, nms: 0.45 },
            progress.device === 'webgpu' ? 'webgpu' : 'wasm',
          );
        else {
          const detail = describeDownload(progress);
          if (detail && Date.now() - lastReport > 250) {
            lastReport = Date.now();
            void setStage(video.id, 'objects', { detail });
          }
        }
      }),
    ),
  );
  const maxGap = GAP_FRAMES * frameSpacing(frames.map((f) => f.t));
  const ranges = mergeDetectionRanges(seen, maxGap);
  const used = rowLineage ?? lineage(model.id, model.revision, {}, 'wasm');
  const stats = {
    frames: seen.length,
    detections: seen.reduce((sum, f) => sum + f.objects.length, 0),
    ranges: ranges.length,
    labels: new Set(ranges.map((r) => r.label)).size,
    seconds: result.seconds,
  };
  const done = stageRow(video.id, 'objects', { state: 'done', progress: 1, stats });
  await finishObjectsStage(
    ranges.map((range) => ({
      videoId: video.id,
      ...range,
      lineage: { ...used, parameters: { ...used.parameters, maxGap } },
    })),
    done,
  );
  reportStage(done);
}
