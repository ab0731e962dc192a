import { pumpDecoder } from './decoder-pump';

/** One encoded video sample in decode order; `timestamp` is its presentation time in seconds. */
export interface EncodedSample {
  data: Uint8Array;
  timestamp: number;
  duration: number;
  key: boolean;
}

export interface DecodeOptions {
  /** Samples never handed to the decoder (frames nothing else references). */
  skip?: (sample: EncodedSample) => boolean;
  /** Called in display order; frames it rejects are closed at once. */
  want: (seconds: number) => boolean;
}

/**
 * Decodes with WebCodecs' VideoDecoder directly (mediabunny's sinks wait on every frame), so
 * decoding overlaps with the consumer, and frames nobody wants are closed in the output callback
 * without ever being drawn. Each yielded frame is closed when the consumer asks for the next one.
 */
export async function* decodeFrames(
  samples: AsyncIterable<EncodedSample>,
  config: VideoDecoderConfig,
  options: DecodeOptions,
): AsyncGenerator<VideoFrame> {
  const frames = pumpDecoder<EncodedVideoChunk, VideoFrame>(chunksOf(samples, options.skip), {
    open: (emit, fail) => {
      const decoder = new VideoDecoder({
        output: (frame) => {
          if (options.want(frame.timestamp / 1e6)) emit(frame);
          else frame.close();
        },
        error: fail,
      });
      decoder.configure(config);
      return decoder;
    },
    release: (frame) => frame.close(),
    maxQueue: 8,
    maxReady: 4,
  });
  for await (const frame of frames) {
    try {
      yield frame;
    } finally {
      frame.close();
    }
  }
}

async function* chunksOf(
  samples: AsyncIterable<EncodedSample>,
  skip: DecodeOptions['skip'],
): AsyncGenerator<EncodedVideoChunk> {
  for await (const sample of samples) {
    if (skip?.(sample)) continue;
    yield new EncodedVideoChunk({
      type: sample.key ? 'key' : 'delta',
      timestamp: Math.round(sample.timestamp * 1e6),
      duration: Math.round(sample.duration * 1e6),
      data: sample.data,
    });
  }
}

/**
 * For H.264 in MP4/MKV (length-prefixed NAL units): true when the sample's slices have
 * nal_ref_idc 0, i.e. no later frame predicts from it, so it can be left undecoded.
 */
export function h264DisposableTest(
  config: VideoDecoderConfig,
): ((sample: EncodedSample) => boolean) | undefined {
  if (!/^avc[13]\./.test(config.codec) || !config.description) return undefined;
  const description = ArrayBuffer.isView(config.description)
    ? new Uint8Array(
        config.description.buffer,
        config.description.byteOffset,
        config.description.byteLength,
      )
    : new Uint8Array(config.description);
  const lengthSize = ((description[4] ?? 3) & 3) + 1;
  return (sample) => !sample.key && isDisposableH264(sample.data, lengthSize);
}

/** Walks the NAL units; disposable when every slice (types 1–5) has nal_ref_idc 0. */
export function isDisposableH264(data: Uint8Array, lengthSize: number): boolean {
  let offset = 0;
  let sawSlice = false;
  while (offset + lengthSize < data.length) {
    let length = 0;
    for (let i = 0; i < lengthSize; i++) length = length * 256 + (data[offset + i] ?? 0);
    const header = data[offset + lengthSize] ?? 0;
    const type = header & 0x1f;
    if (type >= 1 && type <= 5) {
      if ((header >> 5) & 3) return false;
      sawSlice = true;
    }
    offset += lengthSize + length;
  }
  return sawSlice;
}
