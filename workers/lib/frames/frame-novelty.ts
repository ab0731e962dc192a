import { FRAME_NOVELTY } from '../../../src/shared/analysis-parameters';
import { THUMB_HEIGHT, THUMB_WIDTH, type FrameSignature } from './scene-detect';

/** Side of the square blocks (thumbnail pixels) whose mean grey is compared. */
const BLOCK = 4;

/** A frame the models looked at. */
interface Look {
  t: number;
  histogram: Float32Array;
  blocks: Float32Array;
}

/** The look the current shot is compared with, and since when (`at`, a later time for a repeat). */
interface Reference extends Look {
  at: number;
}

/** Earlier looks kept for spotting a picture seen before (a cut back to it): about 400 KB. */
const REMEMBERED_LOOKS = 512;

/**
 * Decides which sampled frames the image models need to see, so their work follows what is
 * distinct in a video rather than its length: a slide held for 40 s is captioned, read, detected
 * and embedded once. Cheap — it reuses the cut detector's 64 × 36 thumbnail signature.
 *
 * Block means, not pixels: averaging 16 pixels removes compression noise while a new line of text
 * or an object entering still moves its blocks. A change after a still spell (a bullet appears, a
 * person walks into a static shot) is new at once; continuous motion (people walking past a bus,
 * a slow pan) would make every frame "new", so a moving shot is looked at again every
 * `reuseSpan` seconds instead. A frame that would be new but matches an earlier look to within
 * noise — a cut back to a slide, footage shown twice — reuses that look.
 */
export class NoveltyTracker {
  private reference: Reference | null = null;
  /** True once a frame has matched the reference to within noise: the shot is holding still. */
  private still = false;
  private readonly looks: Look[] = [];

  constructor(private readonly parameters = FRAME_NOVELTY) {}

  /**
   * The time of the frame whose results `t` can reuse, or undefined when it shows something new
   * (it then becomes the frame later ones are compared with). A cut is new unless its picture was
   * looked at before.
   */
  sameAs(t: number, signature: FrameSignature, cut: boolean): number | undefined {
    const reference = this.reference;
    const blocks = blockMeans(signature.grey);
    if (!cut && reference && !this.isNew(t, reference, signature, blocks)) return reference.t;
    this.still = false;
    const seen = this.seenBefore(signature.histogram, blocks);
    if (seen) {
      this.reference = { ...seen, at: t };
      return seen.t;
    }
    const look = { t, histogram: signature.histogram, blocks };
    this.reference = { ...look, at: t };
    this.looks.push(look);
    if (this.looks.length > REMEMBERED_LOOKS) this.looks.shift();
    return undefined;
  }

  private isNew(t: number, reference: Reference, signature: FrameSignature, blocks: Float32Array) {
    if (maxDifference(reference.blocks, blocks) < this.parameters.noise) {
      this.still = true;
      return false;
    }
    if (histogramDistance(reference.histogram, signature.histogram) > this.parameters.newPicture)
      return true;
    return this.still || t - reference.at >= this.parameters.reuseSpan - 1e-6;
  }

  /**
   * The latest earlier look this picture matches to within noise, in colour too: a cut may be a
   * palette change alone (a red slide to a green one of the same brightness).
   */
  private seenBefore(histogram: Float32Array, blocks: Float32Array): Look | undefined {
    return this.looks.findLast(
      (look) =>
        maxDifference(look.blocks, blocks) < this.parameters.noise &&
        histogramDistance(look.histogram, histogram) <= this.parameters.newPicture,
    );
  }
}

/** Mean grey of each BLOCK × BLOCK block of a THUMB_WIDTH × THUMB_HEIGHT grey image. */
export function blockMeans(grey: Float32Array): Float32Array {
  const columns = Math.floor(THUMB_WIDTH / BLOCK);
  const rows = Math.floor(THUMB_HEIGHT / BLOCK);
  const means = new Float32Array(columns * rows);
  for (let y = 0; y < rows * BLOCK; y++)
    for (let x = 0; x < columns * BLOCK; x++) {
      const at = Math.floor(y / BLOCK) * columns + Math.floor(x / BLOCK);
      means[at] = (means[at] ?? 0) + (grey[y * THUMB_WIDTH + x] ?? 0) / (BLOCK * BLOCK);
    }
  return means;
}

function maxDifference(a: Float32Array, b: Float32Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
  return max;
}

/** Half the L1 distance of two normalised histograms: 0 (same palette) to 1. */
function histogramDistance(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return sum / 2;
}
