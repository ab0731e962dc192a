import { FRAME_NOVELTY } from '../../../src/shared/analysis-parameters';
import { THUMB_HEIGHT, THUMB_WIDTH, type FrameSignature } from './scene-detect';

/** Side of the square blocks (thumbnail pixels) whose mean grey is compared. */
const BLOCK = 4;

/** The last frame looked at in the current shot. */
interface Looked {
  t: number;
  signature: FrameSignature;
  blocks: Float32Array;
}

/**
 * Decides which sampled frames the image models need to see, so their work follows what is
 * distinct in a video rather than its length: a slide held for 40 s is captioned, read, detected
 * and embedded once. Cheap — it reuses the cut detector's 64 × 36 thumbnail signature.
 *
 * Block means, not pixels: averaging 16 pixels removes compression noise while a new line of text
 * or an object entering still moves its blocks. A change after a still spell (a bullet appears, a
 * person walks into a static shot) is new at once; continuous motion (people walking past a bus,
 * a slow pan) would make every frame "new", so a moving shot is looked at again every
 * `reuseSpan` seconds instead.
 */
export class NoveltyTracker {
  private looked: Looked | null = null;
  /** True once a frame has matched `looked` to within noise: the shot is holding still. */
  private still = false;

  constructor(private readonly parameters = FRAME_NOVELTY) {}

  /**
   * The time of the frame whose results `t` can reuse, or undefined when it shows something new
   * (it then becomes the frame later ones are compared with). A cut is always new.
   */
  sameAs(t: number, signature: FrameSignature, cut: boolean): number | undefined {
    const looked = this.looked;
    const blocks = blockMeans(signature.grey);
    if (!cut && looked && !this.isNew(t, looked, signature, blocks)) return looked.t;
    this.looked = { t, signature, blocks };
    this.still = false;
    return undefined;
  }

  private isNew(t: number, looked: Looked, signature: FrameSignature, blocks: Float32Array) {
    if (maxDifference(looked.blocks, blocks) < this.parameters.noise) {
      this.still = true;
      return false;
    }
    if (histogramDistance(looked.signature, signature) > this.parameters.newPicture) return true;
    return this.still || t - looked.t >= this.parameters.reuseSpan - 1e-6;
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
function histogramDistance(a: FrameSignature, b: FrameSignature): number {
  let sum = 0;
  for (let i = 0; i < a.histogram.length; i++)
    sum += Math.abs((a.histogram[i] ?? 0) - (b.histogram[i] ?? 0));
  return sum / 2;
}
