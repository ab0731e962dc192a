import {
  ALL_FORMATS,
  BlobSource,
  Conversion,
  type ConversionCopyOptions,
  Input,
  Mp4OutputFormat,
  Output,
  WebMOutputFormat,
} from 'mediabunny';
import { timelineStart } from '../timeline';
import { cutMp4Lean } from './lean-mp4-cut';
import { openClipTarget, type ClipTarget } from './clip-target';

/** How a clip was made: packets copied as they are, or decoded and encoded again (WebCodecs). */
export type ClipMethod = 'copy' | 'transcode';

/**
 * A cut clip: the file (on disk where the browser allows: clip-target.ts), its type, the range of
 * the source it holds, and how it was made.
 */
export interface CutClip {
  blob: Blob;
  mimeType: string;
  start: number;
  end: number;
  method: ClipMethod;
}

/** The source can't be cut here (a container mediabunny can't read, or no track it can carry). */
export class ClipNotPossibleError extends Error {
  override name = 'ClipNotPossibleError';
}

export function openInput(file: Blob): Input {
  // BlobSource reads the slices it needs: a 500 MB file is never read into memory whole.
  return new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
}

/** WebM stays WebM (VP8/VP9/AV1 + Opus/Vorbis); everything else becomes MP4. */
export function clipFormat(container: string) {
  return container === 'webm'
    ? { format: new WebMOutputFormat(), mimeType: 'video/webm' }
    : { format: new Mp4OutputFormat(), mimeType: 'video/mp4' };
}

/**
 * Cuts [start, end) video seconds out of `file` without reading it whole. The packets are copied
 * when they can be: an MP4 clip starting between key frames keeps the key frame before it and an
 * edit list hides the lead-in, so it plays from `start` exactly with no re-encode. A WebM can't
 * hide a lead-in, so a cut off a key frame is re-encoded with WebCodecs (mediabunny decides).
 */
export async function cutClip(
  file: Blob,
  container: string,
  range: { start: number; end: number },
  signal: AbortSignal,
  onProgress: (fraction: number) => void,
): Promise<CutClip> {
  // MP4/MOV through the lean index: a 9-hour file's clip costs what a short one's does.
  if (container === 'mp4' || container === 'mov') {
    const lean = await cutMp4Lean(file, range, signal, onProgress);
    if (lean) return lean;
  }
  const input = openInput(file);
  let made: Awaited<ReturnType<typeof prepare>> | null = null;
  try {
    const offset = await timelineStart(input);
    const trim = { start: offset + range.start, end: offset + range.end };
    // Copy first; only a track that can't be copied (a WebM cut off a key frame) is re-encoded.
    let method: ClipMethod = 'copy';
    made = await prepare(input, container, trim, { mode: 'forced' });
    if (made.conversion.discardedTracks.some((d) => d.reason === 'cannot_copy')) {
      method = 'transcode';
      await made.out.discard();
      made = await prepare(input, container, trim, {});
    }
    const { conversion, out, mimeType } = made;
    if (!conversion.isValid)
      throw new ClipNotPossibleError(
        `no track of this file can go into a clip (${conversion.discardedTracks.map((d) => d.reason).join(', ')})`,
      );
    conversion.onProgress = (fraction) => onProgress(fraction);
    const cancel = () => void conversion.cancel();
    signal.addEventListener('abort', cancel, { once: true });
    try {
      signal.throwIfAborted();
      await conversion.execute();
    } finally {
      signal.removeEventListener('abort', cancel);
    }
    signal.throwIfAborted();
    return { blob: await out.finish(), mimeType, ...range, method };
  } catch (error) {
    await made?.out.discard();
    throw error;
  } finally {
    input.dispose();
  }
}

async function prepare(
  input: Input,
  container: string,
  trim: { start: number; end: number },
  copy: ConversionCopyOptions,
) {
  const { format, mimeType } = clipFormat(container);
  const out: ClipTarget = await openClipTarget();
  const output = new Output({ format, target: out.target });
  const conversion = await Conversion.init({
    input,
    output,
    tracks: 'primary',
    trim,
    copy,
    showWarnings: false,
  });
  return { conversion, out, mimeType };
}
