import { ALL_FORMATS, BlobSource, Input } from 'mediabunny';
import type { ContainerKind } from '../../src/shared/video-types';

/** Who decodes a file's picture or sound: the browser's WebCodecs, or ffmpeg.wasm in this worker. */
export type Decoder = 'webcodecs' | 'ffmpeg';

/** Containers mediabunny can't demux: always ffmpeg.wasm. */
const FFMPEG_ONLY = new Set<ContainerKind>(['avi', 'flv']);

/**
 * Asks WebCodecs first (mediabunny's `canDecode` runs `isConfigSupported` on the track's real
 * decoder configuration) and falls back to ffmpeg.wasm where this browser can't decode the codec:
 * HEVC on most desktops, MPEG-2, MPEG-4 Part 2, ProRes; AC-3, E-AC-3, DTS, unusual PCM. The
 * choice is made per file and per track, before anything has failed.
 */
async function choose(
  file: Blob,
  container: ContainerKind,
  track: 'video' | 'audio',
): Promise<Decoder> {
  if (FFMPEG_ONLY.has(container)) return 'ffmpeg';
  const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
  try {
    const found =
      track === 'video' ? await input.getPrimaryVideoTrack() : await input.getPrimaryAudioTrack();
    return found && (await found.canDecode()) ? 'webcodecs' : 'ffmpeg';
  } catch {
    return 'ffmpeg'; // A layout mediabunny can't demux (some MKVs): ffmpeg reads more.
  } finally {
    input.dispose();
  }
}

export function videoDecoderFor(file: Blob, container: ContainerKind): Promise<Decoder> {
  return choose(file, container, 'video');
}

export function audioDecoderFor(file: Blob, container: ContainerKind): Promise<Decoder> {
  return choose(file, container, 'audio');
}
