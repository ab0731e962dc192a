import { ALL_FORMATS, BlobSource, CanvasSink, Input } from 'mediabunny';
import { fitWithin } from '../encode-poster';
import { takeOutput, withMountedFile } from '../ffmpeg-runtime';
import { analysisTimes, type SamplePlan } from './sample-plan';

/** A decoded frame at its exact presentation time, already scaled to the stored size. */
export interface DecodedFrame {
  t: number;
  image: CanvasImageSource;
  width: number;
  height: number;
}

/**
 * Frames at every analysis step, decoded with WebCodecs (mediabunny seeks to key frames and
 * decodes forward). Frames a still image holds for several steps are yielded once.
 */
export async function* framesWithWebCodecs(
  file: Blob,
  duration: number,
  plan: SamplePlan,
): AsyncGenerator<DecodedFrame> {
  const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
  try {
    const track = await input.getPrimaryVideoTrack();
    if (!track) throw new Error('the file has no video track');
    const size = fitWithin(track.displayWidth, track.displayHeight, plan.storeMaxSide);
    const sink = new CanvasSink(track, { ...size, fit: 'fill' });
    const first = await track.getFirstTimestamp();
    let lastTimestamp = -Infinity;
    for await (const frame of sink.canvasesAtTimestamps(analysisTimes(first, duration, plan))) {
      if (!frame || frame.timestamp === lastTimestamp) continue;
      lastTimestamp = frame.timestamp;
      yield { t: frame.timestamp, image: frame.canvas, ...size };
    }
  } finally {
    input.dispose();
  }
}

/** Seconds of video ffmpeg.wasm decodes per call, so its in-memory output stays small. */
const FFMPEG_SEGMENT_SECONDS = 30;

/** The ffmpeg.wasm fallback for containers WebCodecs can't demux (AVI): PNGs at the analysis rate. */
export async function* framesWithFfmpeg(
  file: Blob,
  duration: number,
  plan: SamplePlan,
  size: { width: number; height: number },
): AsyncGenerator<DecodedFrame> {
  const { width, height } = fitWithin(size.width, size.height, plan.storeMaxSide);
  const fps = 1 / plan.analysisInterval;
  for (let start = 0; start < duration; start += FFMPEG_SEGMENT_SECONDS) {
    const pngs = await withMountedFile(file, async (ffmpeg, path) => {
      const filter = `fps=${fps}:round=down,scale=${width}:${height}`;
      const args = [
        '-v',
        'error',
        '-ss',
        String(start),
        '-t',
        String(FFMPEG_SEGMENT_SECONDS),
        '-i',
        path,
      ];
      const status = await ffmpeg.exec([
        ...args,
        '-vf',
        filter,
        '-f',
        'image2',
        '-y',
        '/frame-%05d.png',
      ]);
      if (status !== 0) throw new Error(`ffmpeg could not decode frames at ${start} s`);
      const names = (await ffmpeg.listDir('/'))
        .map((n) => n.name)
        .filter((n) => n.startsWith('frame-'))
        .sort();
      const images: Uint8Array[] = [];
      for (const name of names) images.push(await takeOutput(ffmpeg, `/${name}`));
      return images;
    });
    for (const [index, png] of pngs.entries()) {
      const image = await createImageBitmap(
        new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' }),
      );
      yield { t: Math.round((start + index / fps) * 1000) / 1000, image, width, height };
      image.close();
    }
  }
}
