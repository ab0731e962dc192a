import type { SampledFrame } from '../../../src/shared/frame-results';
import { CutDetector, THUMB_HEIGHT, THUMB_WIDTH, signatureOf } from './scene-detect';
import type { DecodedFrame } from './frame-sources';
import { FramePixels } from './frame-pixels';
import { NoveltyTracker } from './frame-novelty';
import type { SamplePlan } from './sample-plan';

export type { SampledFrame };

export interface Scene {
  index: number;
  start: number;
  end: number;
}

export interface FrameAnalysis {
  scenes: Scene[];
  frames: number;
}

/**
 * Walks decoded frames once: compares tiny thumbnails for cuts and keeps a WebP for the first
 * frame of every scene and then one every `plan.storeInterval` seconds, so each shot is covered.
 * A kept frame that shows nothing new says which earlier frame's model results it can share.
 */
export async function analyseFrames(
  source: AsyncIterable<DecodedFrame>,
  plan: SamplePlan,
  duration: number,
  onFrame: (frame: SampledFrame) => Promise<void>,
  onProgress: (fraction: number) => void,
): Promise<FrameAnalysis> {
  const reader = new PixelReader();
  const detector = new CutDetector();
  const novelty = new NoveltyTracker();
  const scenes: Scene[] = [];
  let sceneStart = 0;
  let nextStoreAt = -Infinity;
  let frames = 0;
  const saves = new SaveChain();

  for await (const frame of source) {
    const pixels = await reader.read(frame.image);
    const signature = signatureOf(pixels(THUMB_WIDTH, THUMB_HEIGHT));
    const cut = detector.isCut(signature);
    if (cut) {
      scenes.push({ index: scenes.length, start: sceneStart, end: frame.t });
      sceneStart = frame.t;
    }
    if (cut || frames === 0 || frame.t >= nextStoreAt - 1e-6) {
      const sameAs = novelty.sameAs(frame.t, signature, cut || frames === 0);
      const kept = {
        t: frame.t,
        width: frame.width,
        height: frame.height,
        sceneIndex: scenes.length,
        reason: cut || frames === 0 ? ('scene' as const) : ('interval' as const),
        ...(sameAs === undefined ? {} : { sameAs }),
      };
      const encoded = encodeWebp(pixels(frame.width, frame.height), frame.width, frame.height);
      await saves.add(async () => onFrame({ ...kept, blob: await encoded }));
      frames++;
      nextStoreAt = frame.t + plan.storeInterval;
    }
    onProgress(Math.min(1, frame.t / duration));
  }
  await saves.drain();
  scenes.push({ index: scenes.length, start: sceneStart, end: duration });
  return { scenes, frames };
}

type ScaledPixels = (width: number, height: number) => Uint8ClampedArray<ArrayBuffer>;

/** Reads a frame's pixels at any small size: from its YUV planes when it can, else via a canvas. */
class PixelReader {
  private buffer: Uint8Array | undefined;
  private readonly canvas = new OffscreenCanvas(1, 1);
  private readonly context = this.canvas.getContext('2d', { willReadFrequently: true });

  async read(image: CanvasImageSource): Promise<ScaledPixels> {
    if (typeof VideoFrame !== 'undefined' && image instanceof VideoFrame) {
      const planes = await FramePixels.read(image, this.buffer);
      if (planes) {
        this.buffer = planes.buffer;
        return (width, height) => planes.scale(width, height);
      }
    }
    return (width, height) => this.draw(image, width, height);
  }

  private draw(image: CanvasImageSource, width: number, height: number) {
    if (!this.context) throw new Error('2D canvas is unavailable in this worker');
    this.canvas.width = width;
    this.canvas.height = height;
    this.context.drawImage(image, 0, 0, width, height);
    return this.context.getImageData(0, 0, width, height).data;
  }
}

const webpCanvas = new OffscreenCanvas(1, 1);

async function encodeWebp(rgba: Uint8ClampedArray<ArrayBuffer>, width: number, height: number) {
  webpCanvas.width = width;
  webpCanvas.height = height;
  const context = webpCanvas.getContext('2d');
  if (!context) throw new Error('2D canvas is unavailable in this worker');
  context.putImageData(new ImageData(rgba, width, height), 0, 0);
  return webpCanvas.convertToBlob({ type: 'image/webp', quality: 0.8 });
}

/** Frames kept in flight while earlier ones encode and save: decoding never waits on IndexedDB. */
const MAX_PENDING_SAVES = 4;

/** Runs saves one after another, in order, while the caller goes on decoding. */
class SaveChain {
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;
  private failure: unknown = null;

  /** Queues `save`; waits only when too many are already queued. A failed save fails the next call. */
  async add(save: () => Promise<void>): Promise<void> {
    if (this.failure) throw this.failure;
    this.pending++;
    this.tail = this.tail.then(save).finally(() => this.pending--);
    this.tail.catch((error: unknown) => (this.failure ??= error));
    if (this.pending >= MAX_PENDING_SAVES) await this.tail;
  }

  drain(): Promise<void> {
    return this.tail;
  }
}
