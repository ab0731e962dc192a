import { CutDetector, THUMB_HEIGHT, THUMB_WIDTH, signatureOf } from './scene-detect';
import type { DecodedFrame } from './frame-sources';
import type { SamplePlan } from './sample-plan';

/** A frame kept for the index: small WebP at its exact presentation time. */
export interface SampledFrame {
  t: number;
  blob: Blob;
  width: number;
  height: number;
  sceneIndex: number;
  /** Why it was kept: the first frame of a scene, or the regular interval. */
  reason: 'scene' | 'interval';
}

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
 */
export async function analyseFrames(
  source: AsyncIterable<DecodedFrame>,
  plan: SamplePlan,
  duration: number,
  onFrame: (frame: SampledFrame) => Promise<void>,
  onProgress: (fraction: number) => void,
): Promise<FrameAnalysis> {
  const thumb = new OffscreenCanvas(THUMB_WIDTH, THUMB_HEIGHT);
  const thumbContext = thumb.getContext('2d', { willReadFrequently: true });
  const canvas = new OffscreenCanvas(1, 1);
  const context = canvas.getContext('2d');
  if (!thumbContext || !context) throw new Error('2D canvas is unavailable in this worker');
  const detector = new CutDetector();
  const scenes: Scene[] = [];
  let sceneStart = 0;
  let nextStoreAt = -Infinity;
  let frames = 0;

  for await (const frame of source) {
    thumbContext.drawImage(frame.image, 0, 0, THUMB_WIDTH, THUMB_HEIGHT);
    const cut = detector.isCut(
      signatureOf(thumbContext.getImageData(0, 0, THUMB_WIDTH, THUMB_HEIGHT).data),
    );
    if (cut) {
      scenes.push({ index: scenes.length, start: sceneStart, end: frame.t });
      sceneStart = frame.t;
    }
    if (cut || frames === 0 || frame.t >= nextStoreAt - 1e-6) {
      canvas.width = frame.width;
      canvas.height = frame.height;
      context.drawImage(frame.image, 0, 0, frame.width, frame.height);
      const blob = await canvas.convertToBlob({ type: 'image/webp', quality: 0.8 });
      await onFrame({
        t: frame.t,
        blob,
        width: frame.width,
        height: frame.height,
        sceneIndex: scenes.length,
        reason: cut || frames === 0 ? 'scene' : 'interval',
      });
      frames++;
      nextStoreAt = frame.t + plan.storeInterval;
    }
    onProgress(Math.min(1, frame.t / duration));
  }
  scenes.push({ index: scenes.length, start: sceneStart, end: duration });
  return { scenes, frames };
}
