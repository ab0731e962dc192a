import { timelineStart } from '../timeline';
import { ALL_FORMATS, BlobSource, EncodedPacketSink, Input } from 'mediabunny';
import { fitWithin } from '../encode-poster';
import { seekTo, takeOutput, withMountedFile } from '../ffmpeg-runtime';
import { stepFilter, type SamplePlan } from './sample-plan';
import { decodeFrames, h264DisposableTest, type EncodedSample } from '../codecs/video-decode';

/** A decoded frame at its exact presentation time, already scaled to the stored size. */
export interface DecodedFrame {
  t: number;
  image: CanvasImageSource;
  width: number;
  height: number;
}

/**
 * Frames at every analysis step, decoded with WebCodecs from mediabunny's demuxed packets.
 * H.264 frames no other frame references are never decoded; each analysis step takes the first
 * decoded frame at or after it, so a still image held for several steps is yielded once.
 */
export async function* framesWithWebCodecs(
  file: Blob,
  duration: number,
  plan: SamplePlan,
): AsyncGenerator<DecodedFrame> {
  const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
  try {
    const track = await input.getPrimaryVideoTrack();
    const config = await track?.getDecoderConfig();
    if (!track || !config) throw new Error('the file has no video track WebCodecs can decode');
    const size = fitWithin(track.displayWidth, track.displayHeight, plan.storeMaxSide);
    const first = await track.getFirstTimestamp();
    const frames = decodeFrames(packetsOf(new EncodedPacketSink(track)), config, {
      skip: h264DisposableTest(config),
      want: stepFilter(first, plan.analysisInterval),
    });
    const start = await timelineStart(input);
    for await (const frame of frames) {
      const t = frame.timestamp / 1e6 - start;
      if (t >= duration) break;
      yield { t, image: frame, ...size };
    }
  } finally {
    input.dispose();
  }
}

/**
 * The packets to decode, from the first key frame: a stream joined mid-broadcast (or cut without
 * re-encoding) starts with frames that reference ones it doesn't have, which a decoder refuses.
 */
async function* packetsOf(sink: EncodedPacketSink): AsyncGenerator<EncodedSample> {
  let keyed = false;
  for await (const packet of sink.packets()) {
    keyed ||= packet.type === 'key';
    if (!keyed) continue;
    yield {
      data: packet.data,
      timestamp: packet.timestamp,
      duration: packet.duration,
      key: packet.type === 'key',
    };
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
        ...seekTo(start),
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
