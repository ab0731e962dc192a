import type { ContainerKind } from '../shared/video-types';

/** How many leading bytes `sniffContainer` needs to decide (three MPEG-TS packets and a bit). */
export const SNIFF_BYTES = 600;

/** What the first bytes say the file is. */
export type SniffResult =
  | { kind: 'video'; container: ContainerKind }
  | {
      kind: 'other';
      looksLike: 'text' | 'image' | 'audio' | 'playlist' | 'unknown';
      detail?: string;
    };

const QUICKTIME_BRANDS = new Set(['qt  ']);
const MP4_TOP_LEVEL_BOXES = new Set(['ftyp', 'moov', 'mdat', 'free', 'wide', 'skip']);

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** Reads the EBML DocType ("webm" or "matroska") from the header element. */
function readEbmlDocType(bytes: Uint8Array): string | null {
  // DocType element id is 0x4282; its size is a one-byte vint in every real file we accept.
  for (let i = 4; i < bytes.length - 3; i++) {
    if (bytes[i] === 0x42 && bytes[i + 1] === 0x82) {
      const sizeByte = bytes[i + 2] ?? 0;
      if ((sizeByte & 0x80) === 0) return null;
      const size = sizeByte & 0x7f;
      return ascii(bytes, i + 3, size).replace(/\0+$/, '');
    }
  }
  return null;
}

function sniffIsoBmff(bytes: Uint8Array): ContainerKind | null {
  const boxType = ascii(bytes, 4, 4);
  if (!MP4_TOP_LEVEL_BOXES.has(boxType)) return null;
  if (boxType !== 'ftyp') return 'mov'; // Old QuickTime files start with a moov/mdat/wide box.
  const brand = ascii(bytes, 8, 4);
  return QUICKTIME_BRANDS.has(brand) ? 'mov' : 'mp4';
}

function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  let printable = 0;
  for (const b of bytes) {
    if (b === 0x09 || b === 0x0a || b === 0x0d || (b >= 0x20 && b < 0x7f) || b >= 0xc2) printable++;
  }
  return printable / bytes.length > 0.95;
}

function sniffNonVideo(bytes: Uint8Array): SniffResult {
  if (startsWith(bytes, [0xff, 0xd8, 0xff]))
    return { kind: 'other', looksLike: 'image', detail: 'JPEG' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]))
    return { kind: 'other', looksLike: 'image', detail: 'PNG' };
  if (ascii(bytes, 0, 4) === 'GIF8') return { kind: 'other', looksLike: 'image', detail: 'GIF' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') {
    return { kind: 'other', looksLike: 'image', detail: 'WebP' };
  }
  if (ascii(bytes, 0, 4) === '%PDF') return { kind: 'other', looksLike: 'unknown', detail: 'PDF' };
  // An HLS playlist (.m3u8) lists a stream's segments; the video itself is elsewhere.
  if (ascii(bytes, 0, 7) === '#EXTM3U') return { kind: 'other', looksLike: 'playlist' };
  if (looksLikeText(bytes)) return { kind: 'other', looksLike: 'text' };
  return { kind: 'other', looksLike: 'unknown' };
}

/**
 * Sound-only files BRI indexes like videos (transcript, speech, chat). MP3 may start with an ID3
 * tag or straight with a frame (11 sync bits, then MPEG-1/2 layer III); ADTS is raw AAC (12
 * sync bits, layer 00).
 */
function sniffSound(bytes: Uint8Array): ContainerKind | null {
  if (ascii(bytes, 0, 4) === 'fLaC') return 'flac';
  if (ascii(bytes, 0, 4) === 'OggS') return 'ogg';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WAVE') return 'wav';
  if (ascii(bytes, 0, 3) === 'ID3') return 'mp3';
  const [first = 0, second = 0] = bytes;
  if (first === 0xff && (second & 0xf6) === 0xf0) return 'adts';
  if (first === 0xff && (second & 0xe0) === 0xe0 && (second & 0x06) === 0x02) return 'mp3';
  return null;
}

/**
 * MPEG-TS: 188-byte packets, each starting with the sync byte 0x47; M2TS (Blu-ray, AVCHD
 * camcorders' .mts) puts a 4-byte timestamp before each, making 192-byte packets.
 */
function isTransportStream(bytes: Uint8Array): boolean {
  return [
    [0, 188],
    [4, 192],
  ].some(
    ([first = 0, packet = 188]) =>
      bytes.length >= first + 2 * packet + 1 &&
      [0, 1, 2].every((i) => bytes[first + i * packet] === 0x47),
  );
}

/**
 * Recognises a video container from the file's first bytes (at least `SNIFF_BYTES` when the
 * file is that long). Extensions lie; signatures rarely do.
 */
export function sniffContainer(bytes: Uint8Array): SniffResult {
  if (bytes.length >= 12) {
    const iso = sniffIsoBmff(bytes);
    if (iso) return { kind: 'video', container: iso };
    if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'AVI ') {
      return { kind: 'video', container: 'avi' };
    }
  }
  if (isTransportStream(bytes)) return { kind: 'video', container: 'ts' };
  if (ascii(bytes, 0, 3) === 'FLV' && bytes[3] === 1) return { kind: 'video', container: 'flv' };
  const sound = sniffSound(bytes);
  if (sound) return { kind: 'video', container: sound };
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) {
    const docType = readEbmlDocType(bytes);
    if (docType === 'webm') return { kind: 'video', container: 'webm' };
    if (docType === 'matroska') return { kind: 'video', container: 'mkv' };
  }
  return sniffNonVideo(bytes);
}

/** Image types BRI stores (posters and frames are WebP; PNG and JPEG for older rows). */
export type ImageMime = 'image/webp' | 'image/png' | 'image/jpeg';

/**
 * An image's MIME type from its first 12 bytes, or null when they aren't one BRI stores. A type
 * written beside the bytes (a backup's manifest) is never trusted: `text/html` would run script
 * on BRI's origin if the blob were opened.
 */
export function sniffImageType(bytes: Uint8Array): ImageMime | null {
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'image/webp';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  return null;
}
