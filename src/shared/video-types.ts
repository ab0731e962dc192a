/**
 * Containers BRI accepts, recognised from the file's first bytes (never from its name alone).
 * `ts`: MPEG transport streams (.ts, .m2ts, .mts: camcorders, broadcast recordings, HLS
 * segments); `flv`: Flash video (old downloads, some stream recorders), read by ffmpeg.wasm. The
 * rest hold sound only: `mp3`, `wav`, `flac`, `ogg` (Opus, Vorbis; an .ogv has Theora video
 * too), `adts` (raw AAC); an M4A is an `mp4` without a video track.
 */
export const CONTAINER_KINDS = [
  'mp4',
  'mov',
  'webm',
  'mkv',
  'avi',
  'ts',
  'flv',
  'mp3',
  'wav',
  'flac',
  'ogg',
  'adts',
] as const;

export type ContainerKind = (typeof CONTAINER_KINDS)[number];

/** What the demuxer learns about a video before it is stored. */
export interface VideoMetadata {
  container: ContainerKind;
  /** Seconds, from the end of the longest track. */
  duration: number;
  /** Display size in pixels (rotation applied). */
  width: number;
  height: number;
  /** Average frames per second of the video track; 0 when unknown. */
  fps: number;
  hasAudio: boolean;
  /**
   * False for a sound recording (a podcast, a voice memo): width, height and fps are 0, there is
   * no video codec, and the frame stages are skipped. Absent on rows stored before BRI took audio
   * files: those are videos.
   */
  hasVideo?: boolean;
  videoCodec: string;
  audioCodec: string | null;
  /**
   * Which reader understood the file: BRI's lean MP4/MOV index reader, mediabunny (WebM, MKV,
   * fragmented MP4) or the ffmpeg.wasm fallback (AVI, odd MKV).
   */
  demuxer: 'mp4-index' | 'mediabunny' | 'ffmpeg';
}

/** A poster frame, encoded as WebP, for the library grid. */
export interface PosterImage {
  blob: Blob;
  width: number;
  height: number;
  /** Video time the poster was taken from, in seconds. */
  t: number;
}

/** MIME type stored with each video, so the player gets the right hint. */
export const CONTAINER_MIME: Record<ContainerKind, string> = {
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm',
  mkv: 'video/x-matroska',
  avi: 'video/x-msvideo',
  ts: 'video/mp2t',
  flv: 'video/x-flv',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  flac: 'audio/flac',
  ogg: 'audio/ogg',
  adts: 'audio/aac',
};

/** True unless the record says it has no picture (rows from before audio files are videos). */
export function hasPicture(video: { hasVideo?: boolean }): boolean {
  return video.hasVideo !== false;
}

/** Where a video's bytes live: the Origin Private File System, or an IndexedDB Blob where OPFS is missing. */
export type FileStorage = 'opfs' | 'idb';

/**
 * A video in the library: the `videos` table row, and what `window.bri.getVideo` returns.
 * Everything later stages need to know about the file.
 */
export interface VideoRecord extends Omit<VideoMetadata, 'container'> {
  id: string;
  name: string;
  /** Bytes. */
  size: number;
  /** MIME type derived from the sniffed container. */
  type: string;
  container: ContainerKind;
  storage: FileStorage;
  /** Epoch milliseconds. */
  createdAt: number;
}
