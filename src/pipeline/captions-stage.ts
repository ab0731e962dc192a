import { CAPTION_PARAMETERS } from '../shared/analysis-parameters';
import type { FrameCaption } from '../shared/frame-results';
import { listCaptions, putCaption, putStage, type VideoRecord } from '../db';
import { captionFrames, releaseCaptioner } from '../bridges/vision';
import { runFrameModelStage, type FrameModelStage } from './frame-model-stage';
import { repairConfidence } from './repair-frame-results';

export const CAPTIONS: FrameModelStage<FrameCaption> = {
  stage: 'captions',
  role: 'caption',
  parameters: CAPTION_PARAMETERS,
  run: captionFrames,
  release: releaseCaptioner,
  save: (videoId, frame, lineage) => putCaption({ videoId, ...frame, lineage }),
  load: async (videoId) =>
    (await listCaptions(videoId)).map(({ t, caption, confidence }) => ({ t, caption, confidence })),
  repair: (frame) => {
    const { result: confidence, fixed } = repairConfidence(frame.confidence);
    const caption = typeof frame.caption === 'string' ? frame.caption : '';
    return {
      result: { ...frame, caption, confidence },
      fixed: fixed + (caption === frame.caption ? 0 : 1),
    };
  },
  // Captions are per frame; there is nothing to merge over time.
  labels: () => [],
  finish: async (_videoId, _ranges, _lineage, done) => {
    await putStage(done);
  },
  stats: (frames) => ({
    captions: frames.length,
    meanConfidence: frames.reduce((sum, f) => sum + f.confidence, 0) / (frames.length || 1),
  }),
};

/** Captions: one sentence per stored frame, with a confidence. Needs `frames`. */
export function runCaptionsStage(
  video: VideoRecord,
  signal: AbortSignal,
  resume?: boolean,
): Promise<void> {
  return runFrameModelStage(CAPTIONS, video, signal, resume);
}
