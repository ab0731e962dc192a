/** Size of the grey picture two shots are compared by: enough to tell shots apart, not noise. */
const LOOK_WIDTH = 32;
const LOOK_HEIGHT = 18;

/**
 * A frame's picture as LOOK_WIDTH × LOOK_HEIGHT grey levels (0–255), decoded from its stored
 * WebP by the browser; null where it can't be decoded (the page is then simply not folded).
 */
export async function pictureLook(blob: Blob): Promise<Float32Array | null> {
  try {
    const bitmap = await createImageBitmap(blob, {
      resizeWidth: LOOK_WIDTH,
      resizeHeight: LOOK_HEIGHT,
      resizeQuality: 'medium',
    });
    const canvas = new OffscreenCanvas(LOOK_WIDTH, LOOK_HEIGHT);
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.drawImage(bitmap, 0, 0);
    bitmap.close();
    const { data } = context.getImageData(0, 0, LOOK_WIDTH, LOOK_HEIGHT);
    const grey = new Float32Array(LOOK_WIDTH * LOOK_HEIGHT);
    for (let i = 0; i < grey.length; i++)
      grey[i] =
        0.299 * (data[i * 4] ?? 0) +
        0.587 * (data[i * 4 + 1] ?? 0) +
        0.114 * (data[i * 4 + 2] ?? 0);
    return grey;
  } catch {
    return null;
  }
}
