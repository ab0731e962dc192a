import { ALL_FORMATS, BlobSource, Input } from 'mediabunny';
import type { ContainerKind } from '../../src/shared/video-types';

/** Who decodes a file's picture or sound: the browser's WebCodecs, or ffmpeg.wasm in this worker. */
export type Decoder = 'webcodecs' | 'ffmpeg';

/** Containers mediabunny can't demux: always ffmpeg.wasm. */
const FFMPEG_ONLY = new Set<ContainerKind>(['avi', 'flv']);

/** True for the containers mediabunny reads (all but AVI and FLV). */
export function demuxesWithMediabunny(container: ContainerKind): boolean {
  return !FFMPEG_ONLY.has(container);
}

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
  if (!demuxesWithMediabunny(container)) return 'ffmpeg';
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

/**
 * Choices already made in this worker, by file identity. Opening a file with mediabunny parses
 * its whole index (hundreds of MB for a 9-hour MP4), and the frames stage, each frame look-up
 * and the decode itself all ask: the answer is worked out once per file. Stored videos are OPFS
 * Files named by their id, so name, size and modification time identify the bytes; a plain Blob
 * (the IndexedDB fallback) is asked afresh.
 */
const chosen = new Map<string, Promise<Decoder>>();
const MAX_REMEMBERED = 64;

function remembered(
  file: Blob,
  container: ContainerKind,
  track: 'video' | 'audio',
): Promise<Decoder> {
  if (!(file instanceof File) || !file.name) return choose(file, container, track);
  const key = `${track}|${container}|${file.name}|${file.size}|${file.lastModified}`;
  let choice = chosen.get(key);
  if (!choice) {
    if (chosen.size >= MAX_REMEMBERED) chosen.clear();
    choice = choose(file, container, track);
    chosen.set(key, choice);
  }
  return choice;
}

export function videoDecoderFor(file: Blob, container: ContainerKind): Promise<Decoder> {
  return remembered(file, container, 'video');
}

export function audioDecoderFor(file: Blob, container: ContainerKind): Promise<Decoder> {
  return remembered(file, container, 'audio');
}
