/** The tiny inputs a backend race times each model on (backend-race.ts). */

/** A mid-grey picture of `width`×`height`, as a bitmap (the caller closes it). */
export function greyBitmap(width = 320, height = 180): Promise<ImageBitmap> {
  return createImageBitmap(grey(width, height));
}

/** The same picture encoded as a PNG, for models that take image files. */
export function greyImage(width = 320, height = 180): Promise<Blob> {
  return grey(width, height).convertToBlob({ type: 'image/png' });
}

function grey(width: number, height: number): OffscreenCanvas {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas in this worker');
  context.fillStyle = '#808080';
  context.fillRect(0, 0, width, height);
  return canvas;
}

/** One second of silence at Whisper's 16 kHz. */
export const SILENT_SECOND = (): Float32Array => new Float32Array(16_000);

/** A short sentence for the text towers. */
export const WARM_UP_TEXT = ['a person speaks in front of a slide'];
