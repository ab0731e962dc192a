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

/** Its poster row. */
export function poster(videoId: string) {
  return {
    videoId,
    blob: new Blob(['webp'], { type: 'image/webp' }),
    width: 480,
    height: 270,
    t: 1.1,
  };
}
