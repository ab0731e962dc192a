/** Size of the thumbnails compared for cuts: small enough to be cheap, big enough to see a shot change. */
export const THUMB_WIDTH = 64;
export const THUMB_HEIGHT = 36;
const BINS = 16;

/** What a thumbnail is reduced to: a colour histogram and a grey image. */
export interface FrameSignature {
  histogram: Float32Array;
  grey: Float32Array;
}

/** Reduces RGBA pixels to a normalised 3 × 16-bin histogram and a 0–1 grey image. */
export function signatureOf(rgba: Uint8ClampedArray): FrameSignature {
  const pixels = rgba.length / 4;
  const histogram = new Float32Array(BINS * 3);
  const grey = new Float32Array(pixels);
  for (let i = 0; i < pixels; i++) {
    const r = rgba[i * 4] ?? 0;
    const g = rgba[i * 4 + 1] ?? 0;
    const b = rgba[i * 4 + 2] ?? 0;
    histogram[r >> 4] = (histogram[r >> 4] ?? 0) + 1;
    histogram[BINS + (g >> 4)] = (histogram[BINS + (g >> 4)] ?? 0) + 1;
    histogram[2 * BINS + (b >> 4)] = (histogram[2 * BINS + (b >> 4)] ?? 0) + 1;
    grey[i] = (0.299 * r + 0.587 * g + 0.114 * b) / 255;
  }
  for (let i = 0; i < histogram.length; i++) histogram[i] = (histogram[i] ?? 0) / (pixels * 3);
  return { histogram, grey };
}

/**
 * How different two frames are, 0–1. A new picture changes the grey image; a new palette changes
 * the histogram. The histogram alone is not trusted: a flat colour drifting across a bin edge
 * moves a whole bin, so its distance counts only as far as the pixels changed too.
 */
export function frameDistance(a: FrameSignature, b: FrameSignature): number {
  let histogram = 0;
  for (let i = 0; i < a.histogram.length; i++)
    histogram += Math.abs((a.histogram[i] ?? 0) - (b.histogram[i] ?? 0));
  let grey = 0;
  for (let i = 0; i < a.grey.length; i++) grey += Math.abs((a.grey[i] ?? 0) - (b.grey[i] ?? 0));
  const greyChange = grey / a.grey.length;
  // The histograms sum to 1, so half the L1 distance is in 0–1.
  return Math.max(greyChange, Math.min(histogram / 2, greyChange * 4));
}

/** Distance above which consecutive analysis frames are taken to be different shots. */
export const CUT_THRESHOLD = 0.3;

/**
 * Below CUT_THRESHOLD, a jump still counts as a cut when it stands out from the shot so far: at
 * least ADAPTIVE_FLOOR, and ADAPTIVE_RATIO times the shot's usual frame-to-frame change. Two
 * similar shots (two letterboxed photos, two talking heads) differ by 0.2–0.3, which a fixed
 * threshold missed; a moving shot's own change (0.05–0.1) raises the bar with it.
 */
const ADAPTIVE_FLOOR = 0.15;
const ADAPTIVE_RATIO = 6;
/** Distances of the current shot remembered for its usual change. */
const WINDOW = 8;
/** Compression noise: a still shot's usual change is never taken as less. */
const NOISE = 0.01;

/** Turns a stream of signatures into scene boundaries. */
export class CutDetector {
  private previous: FrameSignature | null = null;
  private recent: number[] = [];

  constructor(private readonly threshold = CUT_THRESHOLD) {}

  /** True when `signature` starts a new scene (never for the first frame). */
  isCut(signature: FrameSignature): boolean {
    const previous = this.previous;
    this.previous = signature;
    if (!previous) return false;
    const distance = frameDistance(previous, signature);
    const usual = this.recent.reduce((sum, d) => sum + d, 0) / Math.max(1, this.recent.length);
    const standsOut =
      this.recent.length >= 2 &&
      distance > ADAPTIVE_FLOOR &&
      distance > ADAPTIVE_RATIO * Math.max(usual, NOISE);
    const cut = distance > this.threshold || standsOut;
    this.recent = cut ? [] : [...this.recent.slice(1 - WINDOW), distance];
    return cut;
  }
}
