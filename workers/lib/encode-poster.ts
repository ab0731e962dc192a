import type { PosterImage } from '../../src/shared/video-types';

/** Longest side of a library poster, in pixels: sharp on a 2× screen card, small on disk. */
export const POSTER_MAX_SIDE = 480;

/** Fits width × height inside `maxSide`, keeping the aspect ratio and even dimensions. */
export function fitWithin(
  width: number,
  height: number,
  maxSide: number,
): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  const even = (n: number) => Math.max(2, Math.round((n * scale) / 2) * 2);
  return { width: even(width), height: even(height) };
}

/** Encodes a decoded frame (canvas, bitmap or VideoFrame) of the given display size as a WebP poster. */
export async function encodePoster(
  source: CanvasImageSource,
  sourceWidth: number,
  sourceHeight: number,
  t: number,
): Promise<PosterImage> {
  const { width, height } = fitWithin(sourceWidth, sourceHeight, POSTER_MAX_SIDE);
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('2D canvas is unavailable in this worker');
  context.drawImage(source, 0, 0, width, height);
  const blob = await canvas.convertToBlob({ type: 'image/webp', quality: 0.82 });
  return { blob, width, height, t };
}

/** The moment a poster is taken from: far enough in to skip fades from black. */
export function posterTime(duration: number): number {
  return Math.min(duration * 0.1, 10);
}
