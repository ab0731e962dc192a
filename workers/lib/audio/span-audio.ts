import type { ContainerKind } from '../../../src/shared/video-types';
import { decodeAudio16k } from './decode-audio';
import { TARGET_RATE } from './resample';

/**
 * Streams a video's 16 kHz audio and hands `onSpan` each span's samples, in order, as soon as
 * they are decoded — holding only what the spans still to come need (an hour of audio is never
 * in memory at once). Spans are in time order; decoding stops after the last. `from` starts the
 * decode near the first span instead of at the file's start (a seeked decode).
 */
export async function forEachSpanAudio<Span extends { start: number; end: number }>(
  file: Blob,
  video: { container: ContainerKind; duration: number },
  spans: readonly Span[],
  signal: AbortSignal,
  onSpan: (span: Span, samples: Float32Array) => Promise<void>,
  from = 0,
): Promise<void> {
  if (spans.length === 0) return;
  let next = 0;
  let buffer = new Float32Array(0);
  let bufferStart = 0;
  const flush = async (upTo: number) => {
    for (let span = spans[next]; span && span.end <= upTo; span = spans[next]) {
      signal.throwIfAborted();
      const a = Math.max(0, Math.round((span.start - bufferStart) * TARGET_RATE));
      const b = Math.round((span.end - bufferStart) * TARGET_RATE);
      await onSpan(span, buffer.subarray(a, b));
      next++;
    }
    // Keep only what later spans still need.
    const keepFrom = spans[next]?.start ?? Infinity;
    const drop = Math.min(
      buffer.length,
      Math.max(0, Math.round((keepFrom - bufferStart) * TARGET_RATE)),
    );
    buffer = buffer.slice(drop);
    bufferStart += drop / TARGET_RATE;
  };
  for await (const piece of decodeAudio16k(file, video.container, video.duration, signal, from)) {
    if (buffer.length === 0) bufferStart = piece.start;
    const joined = new Float32Array(buffer.length + piece.samples.length);
    joined.set(buffer);
    joined.set(piece.samples, buffer.length);
    buffer = joined;
    await flush(bufferStart + buffer.length / TARGET_RATE);
    if (next >= spans.length) return;
  }
  await flush(Infinity);
}
