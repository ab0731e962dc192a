import type { ContainerKind, PosterImage, VideoMetadata } from '../../../src/shared/video-types';
import { encodePoster, posterTime } from '../encode-poster';
import { readMp4Index, type Mp4Index, type Mp4Track } from './mp4-index';
import { decodeKeySample, locateKeySample } from './mp4-keyframe';

/** Sample entry types → the codec names mediabunny reports, so both paths store the same words. */
const CODEC_NAMES: Record<string, string> = {
  avc1: 'avc',
  avc3: 'avc',
  hvc1: 'hevc',
  hev1: 'hevc',
  vp09: 'vp9',
  av01: 'av1',
  mp4a: 'aac',
  Opus: 'opus',
  '.mp3': 'mp3',
  'ac-3': 'ac3',
  'ec-3': 'eac3',
  fLaC: 'flac',
};

function codecName(track: Mp4Track): string {
  return CODEC_NAMES[track.fourcc] ?? track.fourcc.trim();
}

export function videoTrackOf(index: Mp4Index): Mp4Track | undefined {
  return index.tracks.find((track) => track.handler === 'vide');
}

/**
 * Frames per second from the decode-time table. The media header's duration can disagree with the
 * samples (padding, edit lists), so count the samples' own durations instead.
 */
export function averageFrameRate(track: Mp4Track): number {
  const { stts } = track.tables;
  let frames = 0;
  let ticks = 0;
  for (let i = 0; i + 1 < stts.length; i += 2) {
    frames += stts[i] ?? 0;
    ticks += (stts[i] ?? 0) * (stts[i + 1] ?? 0);
  }
  return ticks > 0 ? Math.round(((frames * track.timescale) / ticks) * 100) / 100 : 0;
}

/** The audio track's sample rate, or null without audio (or when the entry doesn't say). */
export function audioSampleRateOf(index: Mp4Index): number | null {
  const audio = index.tracks.find((track) => track.handler === 'soun');
  return audio?.sampleRate || null;
}

/** Metadata from the lean MP4 index: no per-sample parsing, so a 10-hour file costs kilobytes. */
export function metadataFromIndex(index: Mp4Index, container: ContainerKind): VideoMetadata {
  const video = videoTrackOf(index);
  const audio = index.tracks.find((track) => track.handler === 'soun');
  if (!video && !audio) throw new Error('the file has neither a video nor an audio track');
  if (!video) {
    // An M4A (or a video file that lost its picture): a sound recording.
    return soundOnly(container, index.duration, audio ? codecName(audio) : null, 'mp4-index');
  }
  return {
    container,
    duration: index.duration,
    width: video.width || video.codedWidth,
    height: video.height || video.codedHeight,
    fps: averageFrameRate(video),
    hasAudio: audio !== undefined,
    videoCodec: codecName(video),
    audioCodec: audio ? codecName(audio) : null,
    demuxer: 'mp4-index',
  };
}

/** The metadata of a sound recording: no picture, so no size, rate or video codec. */
export function soundOnly(
  container: ContainerKind,
  duration: number,
  audioCodec: string | null,
  demuxer: VideoMetadata['demuxer'],
): VideoMetadata {
  return {
    container,
    duration,
    width: 0,
    height: 0,
    fps: 0,
    hasAudio: true,
    hasVideo: false,
    videoCodec: 'none',
    audioCodec: audioCodec ?? 'unknown',
    demuxer,
  };
}

/** True when the lean path can draw the poster itself (AVC, the common case); others use mediabunny. */
export function canDecodeLean(track: Mp4Track): boolean {
  return (track.fourcc === 'avc1' || track.fourcc === 'avc3') && track.codecConfig !== null;
}

/** Poster from the key frame at or before the poster time, reading a few KB of tables. */
export async function posterFromIndex(
  file: Blob,
  track: Mp4Track,
  duration: number,
): Promise<PosterImage> {
  const sample = await locateKeySample(file, track, posterTime(duration));
  const frame = await decodeKeySample(file, track, sample);
  try {
    return await encodePoster(
      frame,
      track.width || frame.displayWidth,
      track.height || frame.displayHeight,
      sample.time,
    );
  } finally {
    frame.close();
  }
}

export { readMp4Index };
