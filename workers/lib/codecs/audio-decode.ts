import type { EncodedPacket } from 'mediabunny';
import { pumpDecoder } from './decoder-pump';

/** Decoded audio, one Float32Array per channel, at the track's own sample rate. */
export type PlanarAudio = Float32Array[];

/** About this many seconds are gathered before a batch is handed on: few, cheap hand-offs. */
const BATCH_SECONDS = 1;

/**
 * Decodes audio packets with WebCodecs' AudioDecoder. Each AudioData is copied out and closed at
 * once; copies are gathered into ~1 s batches, so an hour of audio is never in memory at once.
 */
export async function* decodeAudioPlanes(
  packets: AsyncIterable<EncodedPacket>,
  config: AudioDecoderConfig,
): AsyncGenerator<PlanarAudio> {
  const outputs = pumpDecoder<EncodedAudioChunk, AudioData>(chunksOf(packets), {
    open: (emit, fail) => {
      const decoder = new AudioDecoder({ output: emit, error: fail });
      decoder.configure(config);
      return decoder;
    },
    release: (data) => data.close(),
    maxQueue: 256,
    maxReady: 64,
  });
  const batchFrames = config.sampleRate * BATCH_SECONDS;
  let batch: PlanarAudio[] = [];
  let frames = 0;
  for await (const data of outputs) {
    try {
      batch.push(copyPlanes(data));
      frames += data.numberOfFrames;
    } finally {
      data.close();
    }
    if (frames >= batchFrames) {
      yield joinPlanes(batch);
      batch = [];
      frames = 0;
    }
  }
  if (frames > 0) yield joinPlanes(batch);
}

async function* chunksOf(packets: AsyncIterable<EncodedPacket>): AsyncGenerator<EncodedAudioChunk> {
  for await (const packet of packets) {
    yield new EncodedAudioChunk({
      type: packet.type,
      timestamp: Math.round(packet.timestamp * 1e6),
      duration: Math.round(packet.duration * 1e6),
      data: packet.data,
    });
  }
}

function copyPlanes(data: AudioData): PlanarAudio {
  return Array.from({ length: data.numberOfChannels }, (_, planeIndex) => {
    const plane = new Float32Array(data.numberOfFrames);
    data.copyTo(plane, { planeIndex, format: 'f32-planar' });
    return plane;
  });
}

/** Concatenates consecutive planar blocks channel by channel. */
export function joinPlanes(blocks: PlanarAudio[]): PlanarAudio {
  const channels = blocks[0]?.length ?? 0;
  return Array.from({ length: channels }, (_, channel) => {
    const length = blocks.reduce((sum, block) => sum + (block[channel]?.length ?? 0), 0);
    const joined = new Float32Array(length);
    let at = 0;
    for (const block of blocks) {
      const plane = block[channel];
      if (!plane) continue;
      joined.set(plane, at);
      at += plane.length;
    }
    return joined;
  });
}
