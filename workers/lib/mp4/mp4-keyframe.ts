import { readBytes } from './mp4-boxes';
import type { Mp4Track, SampleTables } from './mp4-index';

/** A sample's bytes in the file and its decode time. */
export interface SampleLocation {
  offset: number;
  size: number;
  /** Seconds. */
  time: number;
}

/** 0-based index of the sample playing at `mediaTime` (timescale units), from the stts runs. */
export function sampleAtTime(stts: Uint32Array, mediaTime: number): number {
  let index = 0;
  let time = 0;
  for (let i = 0; i + 1 < stts.length; i += 2) {
    const count = stts[i] ?? 0;
    const delta = stts[i + 1] ?? 0;
    if (delta > 0 && time + count * delta > mediaTime)
      return index + Math.floor((mediaTime - time) / delta);
    index += count;
    time += count * delta;
  }
  return Math.max(0, index - 1);
}

/** Decode time (timescale units) of a 0-based sample index. */
export function timeOfSample(stts: Uint32Array, sample: number): number {
  let index = 0;
  let time = 0;
  for (let i = 0; i + 1 < stts.length; i += 2) {
    const count = stts[i] ?? 0;
    const delta = stts[i + 1] ?? 0;
    if (sample < index + count) return time + (sample - index) * delta;
    index += count;
    time += count * delta;
  }
  return time;
}

/** The last key sample at or before `sample` (0-based). */
export function keySampleAtOrBefore(stss: Uint32Array | null, sample: number): number {
  if (!stss || stss.length === 0) return sample;
  let lo = 0;
  let hi = stss.length - 1;
  let found = (stss[0] ?? 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const key = (stss[mid] ?? 1) - 1;
    if (key <= sample) {
      found = key;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** The 1-based chunk holding `sample` (0-based) and the index of that chunk's first sample. */
export function chunkOfSample(
  stsc: Uint32Array,
  sample: number,
): { chunk: number; firstSample: number } {
  let firstSample = 0;
  for (let i = 0; i + 2 < stsc.length; i += 3) {
    const firstChunk = stsc[i] ?? 1;
    const perChunk = stsc[i + 1] ?? 1;
    const nextFirstChunk = stsc[i + 3] ?? Infinity;
    const samplesInRun = (nextFirstChunk - firstChunk) * perChunk;
    if (sample < firstSample + samplesInRun) {
      const chunksIn = Math.floor((sample - firstSample) / perChunk);
      return { chunk: firstChunk + chunksIn, firstSample: firstSample + chunksIn * perChunk };
    }
    firstSample += samplesInRun;
  }
  throw new RangeError(`sample ${sample} is beyond the sample-to-chunk table`);
}

async function sampleSizes(
  file: Blob,
  tables: SampleTables,
  from: number,
  count: number,
): Promise<number[]> {
  const { fixedSize, tableStart } = tables.sampleSizes;
  if (fixedSize > 0) return Array.from({ length: count }, () => fixedSize);
  const view = await readBytes(file, tableStart + from * 4, count * 4);
  return Array.from({ length: count }, (_, i) => view.getUint32(i * 4));
}

async function chunkOffset(file: Blob, tables: SampleTables, chunk: number): Promise<number> {
  const { tableStart, entryBytes } = tables.chunkOffsets;
  const view = await readBytes(file, tableStart + (chunk - 1) * entryBytes, entryBytes);
  return entryBytes === 8 ? Number(view.getBigUint64(0)) : view.getUint32(0);
}

/** Finds the key sample at or before `seconds`, reading only a few table entries from the file. */
export async function locateKeySample(
  file: Blob,
  track: Mp4Track,
  seconds: number,
): Promise<SampleLocation> {
  const { tables, timescale } = track;
  const wanted = Math.min(
    sampleAtTime(tables.stts, seconds * timescale),
    tables.sampleSizes.count - 1,
  );
  const key = keySampleAtOrBefore(tables.stss, wanted);
  const { chunk, firstSample } = chunkOfSample(tables.stsc, key);
  const sizes = await sampleSizes(file, tables, firstSample, key - firstSample + 1);
  const before = sizes.slice(0, -1).reduce((sum, size) => sum + size, 0);
  return {
    offset: (await chunkOffset(file, tables, chunk)) + before,
    size: sizes.at(-1) ?? 0,
    time: timeOfSample(tables.stts, key) / timescale,
  };
}

/** WebCodecs codec string for an AVC track, from its avcC record ("avc1.64001F"). */
export function avcCodecString(avcC: Uint8Array): string {
  const hex = (byte: number | undefined) => (byte ?? 0).toString(16).padStart(2, '0').toUpperCase();
  return `avc1.${hex(avcC[1])}${hex(avcC[2])}${hex(avcC[3])}`;
}

/** Decodes one key sample of an AVC track with WebCodecs. The caller closes the frame. */
export async function decodeKeySample(
  file: Blob,
  track: Mp4Track,
  sample: SampleLocation,
): Promise<VideoFrame> {
  if (!track.codecConfig) throw new Error('the video track has no decoder configuration');
  const config: VideoDecoderConfig = {
    codec: avcCodecString(track.codecConfig),
    description: track.codecConfig,
    codedWidth: track.codedWidth,
    codedHeight: track.codedHeight,
  };
  const data = await file.slice(sample.offset, sample.offset + sample.size).arrayBuffer();
  let frame: VideoFrame | undefined;
  let failure: unknown;
  const decoder = new VideoDecoder({
    output: (output) => {
      if (frame) output.close();
      else frame = output;
    },
    error: (error) => (failure = error),
  });
  try {
    decoder.configure(config);
    decoder.decode(
      new EncodedVideoChunk({ type: 'key', timestamp: Math.round(sample.time * 1e6), data }),
    );
    await decoder.flush();
  } finally {
    if (decoder.state !== 'closed') decoder.close();
  }
  if (!frame) throw failure instanceof Error ? failure : new Error('the key frame did not decode');
  return frame;
}
