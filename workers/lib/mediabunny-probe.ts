import { ALL_FORMATS, BlobSource, CanvasSink, Input, type InputVideoTrack } from 'mediabunny';
import type { ContainerKind, PosterImage, VideoMetadata } from '../../src/shared/video-types';
import { encodePoster, posterTime } from './encode-poster';
import { timelineStart } from './timeline';
import { soundOnly } from './mp4/mp4-probe';

/** Packets sampled to estimate the frame rate; enough for a steady average, cheap on a 10 h file. */
const FPS_SAMPLE_PACKETS = 240;

export class NoVideoTrackError extends Error {
  override name = 'NoVideoTrackError';
}

function openInput(file: Blob): Input {
  return new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
}

async function requireVideoTrack(input: Input): Promise<InputVideoTrack> {
  const track = await input.getPrimaryVideoTrack();
  if (!track) throw new NoVideoTrackError('the file has no video track');
  return track;
}

/** What a probe read: the stored metadata, and the audio's sample rate for the sanity limits. */
export interface Probed {
  metadata: VideoMetadata;
  audioSampleRate: number | null;
}

/** Reads container metadata with mediabunny (MP4, MOV, WebM, MKV). */
export async function probeWithMediabunny(file: Blob, container: ContainerKind): Promise<Probed> {
  const input = openInput(file);
  try {
    const audio = await input.getPrimaryAudioTrack();
    const duration = (await input.computeDuration()) - (await timelineStart(input));
    const video = await input.getPrimaryVideoTrack();
    if (!video) {
      if (!audio) throw new NoVideoTrackError('the file has neither a video nor an audio track');
      return {
        metadata: soundOnly(container, duration, audio.codec, 'mediabunny'),
        audioSampleRate: audio.sampleRate,
      };
    }
    const stats = await video.computePacketStats(FPS_SAMPLE_PACKETS);
    const metadata: VideoMetadata = {
      container,
      duration,
      // Whole pixels, whatever the container's arithmetic gave (a stretched size can be fractional).
      width: Math.round(video.displayWidth),
      height: Math.round(video.displayHeight),
      fps: Math.round(stats.averagePacketRate * 100) / 100,
      hasAudio: audio !== null,
      videoCodec: video.codec ?? 'unknown',
      audioCodec: audio ? (audio.codec ?? 'unknown') : null,
      demuxer: 'mediabunny',
    };
    return { metadata, audioSampleRate: audio ? audio.sampleRate : null };
  } finally {
    input.dispose();
  }
}

/** Decodes one frame with WebCodecs and encodes it as the poster. */
export async function posterWithMediabunny(file: Blob, duration: number): Promise<PosterImage> {
  const input = openInput(file);
  try {
    const video = await requireVideoTrack(input);
    const start = await timelineStart(input);
    const first = await video.getFirstTimestamp();
    const t = Math.max(first, start + posterTime(duration));
    const sink = new CanvasSink(video, { poolSize: 1 });
    // mediabunny returns null before the first frame (VP9 WebM may start at 0.007 s).
    const frame = (await sink.getCanvas(t)) ?? (await sink.getCanvas(first));
    if (!frame) throw new Error('no frame could be decoded');
    const canvas = frame.canvas as OffscreenCanvas;
    return await encodePoster(canvas, canvas.width, canvas.height, frame.timestamp - start);
  } finally {
    input.dispose();
  }
}
