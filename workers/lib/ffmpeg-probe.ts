import type { FFmpeg } from '@ffmpeg/ffmpeg';
import { z } from 'zod';
import type { ContainerKind, PosterImage, VideoMetadata } from '../../src/shared/video-types';
import { encodePoster, posterTime } from './encode-poster';
import type { Probed } from './mediabunny-probe';
import { soundOnly } from './mp4/mp4-probe';
import { seekTo, takeOutput, withMountedFile } from './ffmpeg-runtime';

const probeSchema = z.object({
  format: z.object({ duration: z.coerce.number().optional() }).optional(),
  streams: z.array(
    z.object({
      codec_type: z.string(),
      codec_name: z.string().optional(),
      width: z.number().optional(),
      height: z.number().optional(),
      avg_frame_rate: z.string().optional(),
      r_frame_rate: z.string().optional(),
      duration: z.coerce.number().optional(),
      sample_rate: z.coerce.number().optional(),
    }),
  ),
});

/** "30000/1001" → 29.97; "0/0" → 0. */
export function parseFrameRate(rate: string | undefined): number {
  const [num, den] = (rate ?? '0/0').split('/').map(Number);
  if (!num || !den) return 0;
  return Math.round((num / den) * 100) / 100;
}

async function readProbeOutput(ffmpeg: FFmpeg, path: string): Promise<Uint8Array> {
  try {
    return await takeOutput(ffmpeg, path);
  } catch {
    throw new Error('ffprobe could not read the file');
  }
}

/** Reads metadata with ffprobe (ffmpeg.wasm) for containers mediabunny can't demux. */
export async function probeWithFfmpeg(file: Blob, container: ContainerKind): Promise<Probed> {
  return withMountedFile(file, async (ffmpeg, path) => {
    const out = '/probe.json';
    // ffmpeg.wasm's ffprobe returns -1 even on success (ffmpegwasm/ffmpeg.wasm#817): judge by the output.
    await ffmpeg.ffprobe([
      '-v',
      'error',
      '-show_entries',
      'format=duration:stream=codec_type,codec_name,width,height,avg_frame_rate,r_frame_rate,duration,sample_rate',
      '-of',
      'json',
      path,
      '-o',
      out,
    ]);
    const parsed = probeSchema.safeParse(
      JSON.parse(new TextDecoder().decode(await readProbeOutput(ffmpeg, out))),
    );
    if (!parsed.success) throw new Error('ffprobe found no streams');
    const video = parsed.data.streams.find((s) => s.codec_type === 'video');
    const audio = parsed.data.streams.find((s) => s.codec_type === 'audio');
    const duration =
      parsed.data.format?.duration ?? Math.max(...parsed.data.streams.map((s) => s.duration ?? 0));
    if (!video && audio) {
      const metadata = soundOnly(container, duration, audio.codec_name ?? null, 'ffmpeg');
      return { metadata, audioSampleRate: audio.sample_rate ?? null };
    }
    if (!video?.width || !video.height) throw new Error('the file has no readable video track');
    const metadata: VideoMetadata = {
      container,
      duration,
      width: video.width,
      height: video.height,
      fps: parseFrameRate(video.avg_frame_rate) || parseFrameRate(video.r_frame_rate),
      hasAudio: audio !== undefined,
      videoCodec: video.codec_name ?? 'unknown',
      audioCodec: audio ? (audio.codec_name ?? 'unknown') : null,
      demuxer: 'ffmpeg',
    };
    return { metadata, audioSampleRate: audio?.sample_rate ?? null };
  });
}

/** Decodes one frame with ffmpeg.wasm (PNG out), then encodes the WebP poster in the worker. */
export async function posterWithFfmpeg(file: Blob, duration: number): Promise<PosterImage> {
  const t = posterTime(duration);
  const png = await withMountedFile(file, async (ffmpeg, path) => {
    const out = '/poster.png';
    const status = await ffmpeg.exec([
      '-v',
      'error',
      ...seekTo(t),
      '-i',
      path,
      '-frames:v',
      '1',
      '-y',
      out,
    ]);
    if (status !== 0) throw new Error(`ffmpeg could not decode a frame (exit ${status})`);
    return takeOutput(ffmpeg, out);
  });
  const bitmap = await createImageBitmap(
    new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' }),
  );
  try {
    return await encodePoster(bitmap, bitmap.width, bitmap.height, t);
  } finally {
    bitmap.close();
  }
}
