/**
 * What BRI agrees to index. Each limit is far past what a phone, camera or screen recorder makes,
 * so a file beyond one is damaged or built to mislead (a header claiming 30 hours over three
 * frames); each gets its own message on the main thread (src/library/import-errors.ts).
 */
export const MEDIA_LIMITS = {
  /** A day of recording: longer files are split before anyone watches them. */
  maxDurationS: 24 * 60 * 60,
  /** DCI 8K is 8192 × 4320. */
  maxSidePx: 8192,
  /** Phones' slow motion reaches 240 fps, dedicated high-speed cameras 1000. */
  maxFrameRate: 1000,
  /** The highest rate studio converters offer. */
  maxSampleRate: 384_000,
} as const;

/** Which limit a file is past, with the figure it claims. */
export type LimitBreach =
  | { limit: 'empty' }
  | { limit: 'duration'; seconds: number }
  | { limit: 'resolution'; width: number; height: number }
  | { limit: 'frameRate'; fps: number }
  | { limit: 'sampleRate'; hz: number };

/** What the probe read, as far as the limits care. */
export interface ProbedFigures {
  duration: number;
  width: number;
  height: number;
  fps: number;
  /** Hz of the audio track; null without audio or when the reader can't say. */
  audioSampleRate: number | null;
}

/** The first limit the figures are past, or null when the file is within all of them. */
export function findLimitBreach(figures: ProbedFigures): LimitBreach | null {
  const { duration, width, height, fps, audioSampleRate } = figures;
  if (!(duration > 0)) return { limit: 'empty' };
  if (duration > MEDIA_LIMITS.maxDurationS) return { limit: 'duration', seconds: duration };
  if (Math.max(width, height) > MEDIA_LIMITS.maxSidePx) {
    return { limit: 'resolution', width, height };
  }
  if (fps > MEDIA_LIMITS.maxFrameRate) return { limit: 'frameRate', fps };
  if (audioSampleRate !== null && audioSampleRate > MEDIA_LIMITS.maxSampleRate) {
    return { limit: 'sampleRate', hz: audioSampleRate };
  }
  return null;
}
