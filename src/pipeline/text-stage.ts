import { OCR_PARAMETERS } from '../shared/analysis-parameters';
import type { FrameText } from '../shared/frame-results';
import { finishTextStage, listOnScreenText, putOnScreenText, type VideoRecord } from '../db';
import { readFrames, releaseTextReader } from '../bridges/ocr';
import { runFrameModelStage, type FrameModelStage } from './frame-model-stage';
import { repairScored } from './repair-frame-results';

/** Lines compare case- and space-insensitively when merged over frames. */
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

export const TEXT: FrameModelStage<FrameText> = {
  stage: 'text',
  role: 'ocr',
  parameters: { detector: 'DB', ...OCR_PARAMETERS, readAt: 'video resolution' },
  run: readFrames,
  readsFullFrames: true,
  release: releaseTextReader,
  save: (videoId, frame, lineage) => putOnScreenText({ videoId, ...frame, lineage }),
  load: async (videoId) =>
    (await listOnScreenText(videoId)).map(({ t, lines, textLike }) => ({ t, lines, textLike })),
  repair: (frame) => {
    const { result: lines, fixed } = repairScored(frame.lines, (line) => line.text);
    return { result: { ...frame, lines }, fixed };
  },
  labels: (frame) =>
    frame.lines.map((line) => ({ label: normalise(line.text), score: line.score })),
  finish: (videoId, ranges, lineage, done) =>
    finishTextStage(
      ranges.map(({ label, ...range }) => ({ videoId, text: label, ...range, lineage })),
      done,
    ),
  stats: (frames, ranges) => ({
    frames: frames.length,
    textLikeFrames: frames.filter((f) => f.textLike).length,
    framesWithText: frames.filter((f) => f.lines.length > 0).length,
    lines: frames.reduce((sum, f) => sum + f.lines.length, 0),
    ranges: ranges.length,
  }),
};

/**
 * On-screen text: OCR over the stored frames with text-like content, then a time range per line.
 * Needs `frames`.
 */
export function runTextStage(
  video: VideoRecord,
  signal: AbortSignal,
  resume?: boolean,
): Promise<void> {
  return runFrameModelStage(TEXT, video, signal, resume);
}
