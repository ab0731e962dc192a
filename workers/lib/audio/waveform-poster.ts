import type { ContainerKind, PosterImage } from '../../../src/shared/video-types';
import { encodePoster } from '../encode-poster';
import { decodeAudio16k } from './decode-audio';
import { TARGET_RATE } from './resample';

const WIDTH = 480;
const HEIGHT = 270;
const BARS = 96;
/**
 * Seconds of sound the waveform is drawn from. The whole of a 2-hour podcast would keep the import
 * decoding for a minute; its first minutes make as good a picture of it.
 */
const MAX_SPAN_S = 300;

/** The loudest sample in each of `bars` slices of the first `span` seconds, 0–1. */
async function peaksOf(
  file: Blob,
  container: ContainerKind,
  duration: number,
  signal: AbortSignal,
): Promise<Float32Array> {
  const span = Math.max(0.001, Math.min(duration, MAX_SPAN_S));
  const peaks = new Float32Array(BARS);
  for await (const { start, samples } of decodeAudio16k(file, container, duration, signal)) {
    if (start >= span) break;
    for (let i = 0; i < samples.length; i++) {
      const bar = Math.floor(((start + i / TARGET_RATE) / span) * BARS);
      if (bar >= BARS) break;
      peaks[bar] = Math.max(peaks[bar] ?? 0, Math.abs(samples[i] ?? 0));
    }
  }
  return peaks;
}

/**
 * The poster of a sound recording: its waveform, drawn in the worker, so the library shows a
 * podcast or a voice memo by its shape instead of a blank card.
 */
export async function waveformPoster(
  file: Blob,
  container: ContainerKind,
  duration: number,
  signal: AbortSignal,
): Promise<PosterImage> {
  const peaks = await peaksOf(file, container, duration, signal);
  const loudest = Math.max(0.05, ...peaks);
  const canvas = new OffscreenCanvas(WIDTH, HEIGHT);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas to draw the waveform on');
  context.fillStyle = '#2b1d2f';
  context.fillRect(0, 0, WIDTH, HEIGHT);
  context.fillStyle = '#f4b6c8';
  const step = WIDTH / BARS;
  peaks.forEach((peak, bar) => {
    const height = Math.max(2, (peak / loudest) * HEIGHT * 0.8);
    context.fillRect(bar * step + step * 0.2, (HEIGHT - height) / 2, step * 0.6, height);
  });
  return encodePoster(canvas, WIDTH, HEIGHT, 0);
}
