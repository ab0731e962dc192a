/**
 * A decoded frame's planes copied out once and scaled down in plain JS. Drawing a VideoFrame onto
 * a canvas converts the whole picture to RGB first, which without a GPU costs Chromium an order of
 * magnitude more than copying the YUV planes and reading only the samples a small image needs.
 */
export class FramePixels {
  private constructor(
    private readonly data: Uint8Array,
    private readonly layout: PlaneLayout[],
    private readonly format: VideoPixelFormat,
    private readonly width: number,
    private readonly height: number,
  ) {}

  /** null for pixel formats this reader does not handle (high bit depth); draw those instead. */
  static async read(frame: VideoFrame, buffer?: Uint8Array): Promise<FramePixels | null> {
    const format = frame.format;
    if (!format || !SUPPORTED.has(format)) return null;
    const size = frame.allocationSize();
    const data = buffer && buffer.byteLength >= size ? buffer : new Uint8Array(size);
    const layout = await frame.copyTo(data);
    const rect = frame.visibleRect;
    return new FramePixels(
      data,
      layout,
      format,
      rect?.width ?? frame.codedWidth,
      rect?.height ?? frame.codedHeight,
    );
  }

  /** The buffer the planes live in, to reuse for the next frame. */
  get buffer(): Uint8Array {
    return this.data;
  }

  /** RGBA at `width` × `height`, each output pixel averaging a small grid of source samples. */
  scale(width: number, height: number): Uint8ClampedArray<ArrayBuffer> {
    const grid = Math.max(
      1,
      Math.min(4, Math.ceil(Math.max(this.width / width, this.height / height))),
    );
    const xs = samplePositions(width, this.width, grid);
    const ys = samplePositions(height, this.height, grid);
    return this.format.startsWith('RGB') || this.format.startsWith('BGR')
      ? this.scaleRgb(width, height, xs, ys, grid)
      : this.scaleYuv(width, height, xs, ys, grid);
  }

  /** Luma averaged over the grid; chroma (already subsampled by the codec) read once per pixel. */
  private scaleYuv(width: number, height: number, xs: Int32Array, ys: Int32Array, grid: number) {
    const out = new Uint8ClampedArray(width * height * 4);
    const data = this.data;
    const [luma, first, second] = this.layout;
    if (!luma || !first) return out;
    const nv12 = this.format === 'NV12';
    const shiftX = this.format === 'I444' ? 0 : 1;
    const shiftY = this.format === 'I420' || this.format === 'I420A' || nv12 ? 1 : 0;
    const n = grid * grid;
    const mid = grid >> 1;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        let sum = 0;
        for (let j = 0; j < grid; j++) {
          const row = luma.offset + (ys[y * grid + j] ?? 0) * luma.stride;
          for (let i = 0; i < grid; i++) sum += data[row + (xs[x * grid + i] ?? 0)] ?? 0;
        }
        const cx = (xs[x * grid + mid] ?? 0) >> shiftX;
        const cy = (ys[y * grid + mid] ?? 0) >> shiftY;
        const u = nv12
          ? (data[first.offset + cy * first.stride + cx * 2] ?? 128)
          : (data[first.offset + cy * first.stride + cx] ?? 128);
        const v = nv12
          ? (data[first.offset + cy * first.stride + cx * 2 + 1] ?? 128)
          : (data[(second?.offset ?? 0) + cy * (second?.stride ?? 0) + cx] ?? 128);
        // BT.601 limited range: close enough to compare shots and to look right in a thumbnail.
        const c = 1.164 * (sum / n - 16);
        const at = (y * width + x) * 4;
        out[at] = c + 1.596 * (v - 128);
        out[at + 1] = c - 0.392 * (u - 128) - 0.813 * (v - 128);
        out[at + 2] = c + 2.017 * (u - 128);
        out[at + 3] = 255;
      }
    }
    return out;
  }

  private scaleRgb(width: number, height: number, xs: Int32Array, ys: Int32Array, grid: number) {
    const out = new Uint8ClampedArray(width * height * 4);
    const plane = this.layout[0];
    if (!plane) return out;
    const swap = this.format.startsWith('B');
    const n = grid * grid;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        let r = 0;
        let g = 0;
        let b = 0;
        for (let j = 0; j < grid; j++) {
          const row = plane.offset + (ys[y * grid + j] ?? 0) * plane.stride;
          for (let i = 0; i < grid; i++) {
            const at = row + (xs[x * grid + i] ?? 0) * 4;
            r += this.data[at] ?? 0;
            g += this.data[at + 1] ?? 0;
            b += this.data[at + 2] ?? 0;
          }
        }
        const at = (y * width + x) * 4;
        out[at] = (swap ? b : r) / n;
        out[at + 1] = g / n;
        out[at + 2] = (swap ? r : b) / n;
        out[at + 3] = 255;
      }
    }
    return out;
  }
}

/** Source coordinates of `grid` evenly spaced samples inside each of `out` output cells. */
function samplePositions(out: number, source: number, grid: number): Int32Array {
  const positions = new Int32Array(out * grid);
  const step = source / out;
  for (let o = 0; o < out; o++)
    for (let g = 0; g < grid; g++)
      positions[o * grid + g] = Math.min(source - 1, Math.floor((o + (g + 0.5) / grid) * step));
  return positions;
}

const SUPPORTED = new Set<VideoPixelFormat>([
  'I420',
  'I420A',
  'I422',
  'I444',
  'NV12',
  'RGBA',
  'RGBX',
  'BGRA',
  'BGRX',
]);
