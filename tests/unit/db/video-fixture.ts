import type { VideoRecord } from '../../../src/db';

/** A stored video's row as an import would write it (11.04 s, 640×360). */
export function video(id: string, createdAt: number): VideoRecord {
  return {
    id,
    name: `${id}.mp4`,
    size: 1000,
    type: 'video/mp4',
    container: 'mp4',
    duration: 11.04,
    width: 640,
    height: 360,
    fps: 25,
    hasAudio: true,
    videoCodec: 'avc',
    audioCodec: 'aac',
    demuxer: 'mediabunny',
    storage: 'idb',
    createdAt,
  };
}

/** `size` bytes that start like a WebP file (readers type images from their first bytes). */
export function webpBytes(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(Math.max(12, size));
  bytes.set(new TextEncoder().encode('RIFF'), 0);
  bytes.set(new TextEncoder().encode('WEBP'), 8);
  return bytes;
}

/** `size` bytes that start like an MP4 file (an `ftyp` box), as `video()`'s 1000-byte file. */
export function mp4Bytes(size = 1000): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  bytes.set([0, 0, 0, 0x18], 0);
  bytes.set(new TextEncoder().encode('ftypisom\0\0\x02\0isomiso2'), 4);
  return bytes;
}

/** Its poster row. */
export function poster(videoId: string) {
  return {
    videoId,
    blob: new Blob([webpBytes(12)], { type: 'image/webp' }),
    width: 480,
    height: 270,
    t: 1.1,
  };
}
