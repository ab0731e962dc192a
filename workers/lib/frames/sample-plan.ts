/** How densely a video is looked at. All times in seconds. */
export interface SamplePlan {
  /** Stored frames (WebP, for models and thumbnails) at least this often. */
  storeInterval: number;
  /** Tiny thumbnails compared for scene cuts this often: the cut-time resolution. */
  analysisInterval: number;
  /** Longest side of stored frames, px. */
  storeMaxSide: number;
}

/** Seed defaults: 1 frame / 2 s, at most 600 stored frames, cuts resolved to 0.25 s. */
export const DEFAULT_SAMPLING = {
  minInterval: 2,
  maxFrames: 600,
  analysisInterval: 0.25,
  storeMaxSide: 384,
};

export type SamplingOptions = typeof DEFAULT_SAMPLING;

/**
 * Short videos get a frame every `minInterval` seconds; long ones stretch the interval so no more
 * than `maxFrames` are stored (a 1-hour video: one every 6 s). Cut detection keeps its resolution.
 */
export function planSampling(
  duration: number,
  options: SamplingOptions = DEFAULT_SAMPLING,
): SamplePlan {
  const storeInterval = Math.max(options.minInterval, duration / options.maxFrames);
  return {
    storeInterval,
    analysisInterval: Math.min(options.analysisInterval, storeInterval),
    storeMaxSide: options.storeMaxSide,
  };
}

/**
 * Picks the frames to look at as they come out of the decoder (display order): the first at or
 * after each `interval` step from `start`. A still image held across several steps counts once.
 */
export function stepFilter(start: number, interval: number): (t: number) => boolean {
  let nextAt = start;
  return (t) => {
    if (t + 1e-6 < nextAt) return false;
    nextAt = start + (Math.floor((t - start + 1e-6) / interval) + 1) * interval;
    return true;
  };
}
