import { readBytes } from './mp4-boxes';
import type { Mp4Track } from './mp4-index';
import { chunkOfSample, keySampleAtOrBefore, sampleAtTime, timeOfSample } from './mp4-keyframe';

/** One sample's place in the file and its times (seconds, presentation time on BRI's clock). */
export interface Mp4Sample {
  offset: number;
  size: number;
  /** When it is shown: composition time plus the track's edit shift. */
  time: number;
  duration: number;
  key: boolean;
}

/**
 * The ctts runs, read whole once per track (8 bytes a run; a million-frame video's ≤ 8 MB): a
 * cut reads samples twice (to step back a key frame) and highlights once per part.
 */
const compositionTables = new WeakMap<Mp4Track, Promise<DataView>>();

function compositionTable(
  file: Blob,
  track: Mp4Track,
  table: NonNullable<Mp4Track['tables']['compositionOffsets']>,
): Promise<DataView> {
  let view = compositionTables.get(track);
  if (!view) {
    view = readBytes(file, table.tableStart, table.count * 8);
    compositionTables.set(track, view);
  }
  return view;
}

/** Composition offsets, one per sample from `from` (timescale units), read from the ctts runs. */
async function compositionOffsets(file: Blob, track: Mp4Track, from: number, count: number) {
  const table = track.tables.compositionOffsets;
  const offsets = new Int32Array(count);
  if (!table || table.count === 0) return offsets;
  const view = await compositionTable(file, track, table);
  let sample = 0;
  for (let run = 0; run < table.count && sample < from + count; run++) {
    const runCount = view.getUint32(run * 8);
    const offset = view.getInt32(run * 8 + 4);
    for (let i = Math.max(sample, from); i < Math.min(sample + runCount, from + count); i++)
      offsets[i - from] = offset;
    sample += runCount;
  }
  return offsets;
}

/** Decode-time deltas per sample from `from`, from the stts runs. */
function decodeDeltas(stts: Uint32Array, from: number, count: number): Uint32Array {
  const deltas = new Uint32Array(count);
  let index = 0;
  for (let i = 0; i + 1 < stts.length && index < from + count; i += 2) {
    const runCount = stts[i] ?? 0;
    for (let s = Math.max(index, from); s < Math.min(index + runCount, from + count); s++)
      deltas[s - from] = stts[i + 1] ?? 0;
    index += runCount;
  }
  return deltas;
}

/**
 * Samples [from, to) of a track in decode order — offsets, sizes, times, key flags — reading only
 * their slices of the size, chunk-offset and composition tables (never the whole sample table,
 * which for a 9-hour file is millions of entries).
 */
export async function readSamples(
  file: Blob,
  track: Mp4Track,
  from: number,
  to: number,
): Promise<Mp4Sample[]> {
  const { tables, timescale } = track;
  to = Math.min(to, tables.sampleSizes.count);
  if (to <= from) return [];
  const first = chunkOfSample(tables.stsc, from);
  const last = chunkOfSample(tables.stsc, to - 1);
  const { fixedSize, tableStart } = tables.sampleSizes;
  const sizeCount = to - first.firstSample;
  const sizeView =
    fixedSize > 0 ? null : await readBytes(file, tableStart + first.firstSample * 4, sizeCount * 4);
  const sizeOf = (sample: number) =>
    fixedSize || (sizeView?.getUint32((sample - first.firstSample) * 4) ?? 0);
  const { entryBytes, tableStart: offsetsStart } = tables.chunkOffsets;
  const chunkView = await readBytes(
    file,
    offsetsStart + (first.chunk - 1) * entryBytes,
    (last.chunk - first.chunk + 1) * entryBytes,
  );
  const chunkStart = (chunk: number) => {
    const at = (chunk - first.chunk) * entryBytes;
    return entryBytes === 8 ? Number(chunkView.getBigUint64(at)) : chunkView.getUint32(at);
  };
  const deltas = decodeDeltas(tables.stts, from, to - from);
  const shifts = await compositionOffsets(file, track, from, to - from);
  let decodeTime = timeOfSample(tables.stts, from);
  let chunk = first.chunk;
  let chunkFirst = first.firstSample;
  let offset = chunkStart(chunk);
  for (let s = chunkFirst; s < from; s++) offset += sizeOf(s);
  const samples: Mp4Sample[] = [];
  for (let s = from; s < to; s++) {
    const at = chunkOfSample(tables.stsc, s);
    if (at.chunk !== chunk) {
      chunk = at.chunk;
      chunkFirst = at.firstSample;
      offset = chunkStart(chunk);
    }
    const size = sizeOf(s);
    samples.push({
      offset,
      size,
      time: (decodeTime + (shifts[s - from] ?? 0)) / timescale + track.editShift,
      duration: (deltas[s - from] ?? 0) / timescale,
      key: keySampleAtOrBefore(tables.stss, s) === s,
    });
    offset += size;
    decodeTime += deltas[s - from] ?? 0;
  }
  return samples;
}

/** Reorder window: a sample shown before the cut's end can follow this many shown after it. */
const REORDER_SAMPLES = 16;

/**
 * The video samples a cut of [start, end) presentation seconds needs, in decode order: from the
 * key frame at or before `start` to the last sample shown before `end` (B-frames shown before
 * it may follow a reference shown after it).
 */
export async function samplesForCut(
  file: Blob,
  track: Mp4Track,
  start: number,
  end: number,
): Promise<Mp4Sample[]> {
  const { tables, timescale } = track;
  const at = (seconds: number) =>
    Math.min(
      sampleAtTime(tables.stts, Math.max(0, (seconds - track.editShift) * timescale)),
      tables.sampleSizes.count - 1,
    );
  let key = keySampleAtOrBefore(tables.stss, at(start));
  let samples = await readSamples(file, track, key, at(end) + REORDER_SAMPLES);
  // A key frame shown just after `start` (its composition delay) would lose the first frames.
  if ((samples[0]?.time ?? 0) > start + 1e-3 && key > 0) {
    key = keySampleAtOrBefore(tables.stss, key - 1);
    samples = await readSamples(file, track, key, at(end) + REORDER_SAMPLES);
  }
  let lastShown = -1;
  samples.forEach((sample, i) => {
    if (sample.time < end) lastShown = i;
  });
  return samples.slice(0, lastShown + 1);
}
