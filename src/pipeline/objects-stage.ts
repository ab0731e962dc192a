import { DETECTOR_PARAMETERS } from '../shared/analysis-parameters';
import type { FrameDetections } from '../shared/frame-results';
import { finishObjectsStage, listDetections, putDetections, type VideoRecord } from '../db';
import { detectFrames, releaseDetector } from '../bridges/vision';
import { runFrameModelStage, type FrameModelStage } from './frame-model-stage';
import { repairScored } from './repair-frame-results';

export const OBJECTS: FrameModelStage<FrameDetections> = {
  stage: 'objects',
  role: 'detect',
  parameters: DETECTOR_PARAMETERS,
  run: detectFrames,
  release: releaseDetector,
  save: (videoId, frame, lineage) => putDetections({ videoId, ...frame, lineage }),
  load: async (videoId) =>
    (await listDetections(videoId)).map(({ t, objects }) => ({ t, objects })),
  repair: (frame) => {
    const { result: objects, fixed } = repairScored(frame.objects, (o) => o.label);
    return { result: { ...frame, objects }, fixed };
  },
  labels: (frame) => frame.objects,
  finish: (videoId, ranges, lineage, done) =>
    finishObjectsStage(
      ranges.map((range) => ({ videoId, ...range, lineage })),
      done,
    ),
  stats: (frames, ranges) => ({
    frames: frames.length,
    detections: frames.reduce((sum, f) => sum + f.objects.length, 0),
    ranges: ranges.length,
    labels: new Set(ranges.map((r) => r.label)).size,
  }),
};

/** Objects: the detector over every stored frame, then per-label time ranges. Needs `frames`. */
export function runObjectsStage(
  video: VideoRecord,
  signal: AbortSignal,
  resume?: boolean,
): Promise<void> {
  return runFrameModelStage(OBJECTS, video, signal, resume);
}
