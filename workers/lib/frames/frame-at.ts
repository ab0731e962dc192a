import { ALL_FORMATS, BlobSource, CanvasSink, Input } from 'mediabunny';
import type { ContainerKind } from '../../../src/shared/video-types';
import { seekTo, takeOutput, withMountedFile } from '../ffmpeg-runtime';
import { videoDecoderFor } from '../decoder-choice';
import { timelineStart } from '../timeline';

/** One frame at full resolution, as the player, the agent and "look again" need it. */
export interface FullFrame {
  blob: Blob;
  /** Presentation time of the decoded frame, seconds. */
  t: number;
  width: number;
  height: number;
}

async function encode(
  image: CanvasImageSource,
  sourceWidth: number,
  sourceHeight: number,
  t: number,
  maxSide = Infinity,
): Promise<FullFrame> {
  const scale = Math.min(1, maxSide / Math.max(sourceWidth, sourceHeight));
  const width = Math.max(1, Math.round(sourceWidth * scale));
  const height = Math.max(1, Math.round(sourceHeight * scale));
  const canvas = new OffscreenCanvas(width, height);
  canvas.getContext('2d')?.drawImage(image, 0, 0, width, height);
  return {
    blob: await canvas.convertToBlob({ type: 'image/webp', quality: 0.92 }),
    t,
    width,
    height,
  };
}

/** The frame showing at `t` seconds, at the video's own resolution or scaled to `maxSide`. */
export async function frameAt(
  file: Blob,
  container: ContainerKind,
  t: number,
  maxSide?: number,
): Promise<FullFrame> {
  if ((await videoDecoderFor(file, container)) === 'ffmpeg') {
    const png = await withMountedFile(file, async (ffmpeg, path) => {
      const status = await ffmpeg.exec([
        '-v',
        'error',
        ...seekTo(t),
        '-i',
        path,
        '-frames:v',
        '1',
        '-y',
        '/at.png',
      ]);
      if (status !== 0) throw new Error(`ffmpeg could not decode a frame at ${t} s`);
      return takeOutput(ffmpeg, '/at.png');
    });
    const bitmap = await createImageBitmap(
      new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' }),
    );
    try {
      return await encode(bitmap, bitmap.width, bitmap.height, t, maxSide);
    } finally {
      bitmap.close();
    }
  }
  const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
  try {
    const track = await input.getPrimaryVideoTrack();
    if (!track) throw new Error('the file has no video track');
    const start = await timelineStart(input);
    const sink = new CanvasSink(track, { poolSize: 1 });
    const frame =
      (await sink.getCanvas(start + t)) ?? (await sink.getCanvas(await track.getFirstTimestamp()));
    if (!frame) throw new Error(`no frame at ${t} s`);
    const canvas = frame.canvas as OffscreenCanvas;
    return await encode(canvas, canvas.width, canvas.height, frame.timestamp - start, maxSide);
  } finally {
    input.dispose();
  }
}
