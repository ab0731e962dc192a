import {
  Mp4DamagedError,
  Mp4EncryptedError,
  childBoxes,
  findTopLevel,
  fourcc,
  isContainer,
  readPayload,
  walkBudget,
  type BoxHeader,
  type WalkBudget,
} from './mp4-boxes';
import { checkTableCounts, samplesDuration } from './mp4-sample-checks';
import { audioSpecificConfig, readEditShift } from './mp4-track-extras';

/**
 * Where the per-sample tables live. The small run-length tables are read; the big per-sample
 * ones (sizes, chunk offsets) are only located, and read entry by entry when needed.
 */
export interface SampleTables {
  /** (sample count, delta) pairs. */
  stts: Uint32Array;
  /** 1-based numbers of the sync (key) samples; null when every sample is a key sample. */
  stss: Uint32Array | null;
  /** (first chunk, samples per chunk, description index) triples. */
  stsc: Uint32Array;
  sampleSizes: { fixedSize: number; count: number; tableStart: number };
  chunkOffsets: { count: number; tableStart: number; entryBytes: 4 | 8 };
  /** Composition offsets (B-frames): located, read when packets are copied; null without. */
  compositionOffsets: { count: number; tableStart: number; signed: boolean } | null;
}

export interface Mp4Track {
  /** 'vide', 'soun', … */
  handler: string;
  /** Sample entry type, e.g. 'avc1', 'mp4a'. */
  fourcc: string;
  timescale: number;
  /** Display size (rotation applied). */
  width: number;
  height: number;
  codedWidth: number;
  codedHeight: number;
  /** The decoder configuration record (avcC, hvcC…) payload, for WebCodecs' `description`. */
  codecConfig: Uint8Array | null;
  /** Audio sample rate in Hz from the sample entry; 0 for video and unknown layouts. */
  sampleRate: number;
  /** Audio channels from the sample entry; 0 for video. */
  channels: number;
  /** An `mp4a` track's AudioSpecificConfig (from `esds`), for WebCodecs' `description`. */
  audioConfig: Uint8Array | null;
  /** Clockwise rotation of the picture, degrees (0, 90, 180, 270), from the track matrix. */
  rotation: number;
  /**
   * Seconds to add to a sample's composition time (its own clock) for the presentation time: the
   * edit list's lead-in (an empty edit) less the media time it starts from (B-frame delay).
   */
  editShift: number;
  /** Seconds covered by the track's own samples (its time-to-sample table). */
  samplesDuration: number;
  tables: SampleTables;
}

export interface Mp4Index {
  /**
   * Seconds: the movie header's, unless it claims more than the samples cover (then the longest
   * track's samples': a header can say 10 hours over 2 s of frames).
   */
  duration: number;
  tracks: Mp4Track[];
}

/** Tables larger than this are not run-length tables of a sane file. */
const MAX_SMALL_TABLE_BYTES = 64 * 1024 * 1024;

export class Mp4IndexError extends Error {
  override name = 'Mp4IndexError';
}

function readTable(view: DataView, headerBytes: number, fieldsPerEntry: number): Uint32Array {
  const count = view.getUint32(4);
  const table = new Uint32Array(
    Math.min(count, (view.byteLength - headerBytes) / 4 / fieldsPerEntry) * fieldsPerEntry,
  );
  for (let i = 0; i < table.length; i++) table[i] = view.getUint32(headerBytes + i * 4);
  return table;
}

/** (timescale, duration) from an mvhd or mdhd payload, versions 0 and 1. */
function readTimescaleDuration(view: DataView): { timescale: number; duration: number } {
  return view.getUint8(0) === 1
    ? { timescale: view.getUint32(20), duration: Number(view.getBigUint64(24)) }
    : { timescale: view.getUint32(12), duration: view.getUint32(16) };
}

function readTrackHeader(view: DataView): {
  width: number;
  height: number;
  rotated: boolean;
  rotation: number;
} {
  const matrixAt = view.getUint8(0) === 1 ? 52 : 40;
  const a = view.getInt32(matrixAt);
  const b = view.getInt32(matrixAt + 4);
  const degrees = Math.round((Math.atan2(b, a) * 180) / Math.PI / 90) * 90;
  // 16.16 fixed point: a display size stretched by non-square pixels can have a fraction
  // (720 × 10/11 = 654.55); the picture is shown in whole pixels.
  return {
    width: Math.round(view.getUint32(matrixAt + 36) / 65536),
    height: Math.round(view.getUint32(matrixAt + 40) / 65536),
    rotated: a === 0,
    rotation: (degrees + 360) % 360,
  };
}

/** All leaf boxes under a track, by type (first occurrence wins). */
async function collectLeaves(
  file: Blob,
  box: BoxHeader,
  into: Map<string, BoxHeader>,
  budget: WalkBudget,
): Promise<void> {
  for (const child of await childBoxes(file, box.payloadStart, box.end, budget)) {
    if (isContainer(child.type)) await collectLeaves(file, child, into, budget);
    else if (!into.has(child.type)) into.set(child.type, child);
  }
}

async function readSmall(file: Blob, box: BoxHeader | undefined): Promise<DataView | null> {
  if (!box) return null;
  if (box.end - box.payloadStart > MAX_SMALL_TABLE_BYTES)
    throw new Mp4IndexError(`${box.type} is implausibly large`);
  return readPayload(file, box);
}

interface SampleEntry {
  fourcc: string;
  codedWidth: number;
  codedHeight: number;
  codecConfig: Uint8Array | null;
  sampleRate: number;
  channels?: number;
  audioConfig?: Uint8Array | null;
  /** From `pasp`: > 1 for pixels wider than tall (SAR 2:1 is 2). */
  pixelAspect?: number;
}

/**
 * AudioSampleEntry's rate: a 16.16 number at byte 32 (versions 0 and 1); QuickTime's version 2
 * stores a float64 at byte 40 instead and puts 0x10000 in the old field.
 */
function audioSampleRate(entry: DataView): number {
  if (entry.byteLength < 36) return 0;
  const version = entry.getUint16(16);
  if (version === 2 && entry.byteLength >= 48) return Math.round(entry.getFloat64(40));
  return entry.getUint32(32) / 65536;
}

const CONFIG_BOXES = new Set(['avcC', 'hvcC', 'vpcC', 'av1C']);

/**
 * Whether an avcC record can configure a decoder: it names a profile and holds at least one SPS.
 * Some writers of Annex-B streams in MP4 leave one that says nothing (profile 0, no parameter
 * sets: those travel in the stream); its codec string "avc1.000000" makes WebCodecs throw
 * "Unknown or ambiguous codec name". Such a track is treated as having no record.
 */
export function describesAvc(avcC: Uint8Array): boolean {
  return avcC.length >= 7 && (avcC[1] ?? 0) !== 0 && ((avcC[5] ?? 0) & 0x1f) > 0;
}

/** Horizontal over vertical pixel spacing from a `pasp` box (non-square pixels); 1 without one. */
function pixelAspect(entry: DataView, at: number, size: number): number {
  if (size < 16) return 1;
  const h = entry.getUint32(at + 8);
  const v = entry.getUint32(at + 12);
  return h > 0 && v > 0 ? h / v : 1;
}

function readSampleEntry(stsd: DataView, handler: string): SampleEntry {
  const entrySize = stsd.getUint32(8);
  const entry = new DataView(
    stsd.buffer,
    stsd.byteOffset + 8,
    Math.min(entrySize, stsd.byteLength - 8),
  );
  const type = fourcc(entry, 4);
  if (handler !== 'vide') {
    const sampleRate = handler === 'soun' ? audioSampleRate(entry) : 0;
    const channels = handler === 'soun' && entry.byteLength >= 26 ? entry.getUint16(24) : 0;
    return {
      fourcc: type,
      codedWidth: 0,
      codedHeight: 0,
      codecConfig: null,
      sampleRate,
      channels,
      audioConfig: type === 'mp4a' ? audioSpecificConfig(entry) : null,
    };
  }
  // VisualSampleEntry: 8-byte box header, 78 bytes of fields, then child boxes (avcC, pasp…).
  let codecConfig: Uint8Array | null = null;
  let aspect = 1;
  for (let at = 86; at + 8 <= entry.byteLength;) {
    const size = entry.getUint32(at);
    if (size < 8 || at + size > entry.byteLength) break;
    const type = fourcc(entry, at + 4);
    if (CONFIG_BOXES.has(type) && !codecConfig) {
      const record = new Uint8Array(
        entry.buffer.slice(entry.byteOffset + at + 8, entry.byteOffset + at + size),
      );
      if (type !== 'avcC' || describesAvc(record)) codecConfig = record;
    }
    if (type === 'pasp') aspect = pixelAspect(entry, at, size);
    at += size;
  }
  return {
    fourcc: type,
    codedWidth: entry.getUint16(32),
    codedHeight: entry.getUint16(34),
    codecConfig,
    sampleRate: 0,
    pixelAspect: aspect,
  };
}

async function readTrack(
  file: Blob,
  trak: BoxHeader,
  budget: WalkBudget,
  movieTimescale: number,
): Promise<Mp4Track | null> {
  const leaves = new Map<string, BoxHeader>();
  await collectLeaves(file, trak, leaves, budget);
  const [tkhd, mdhd, hdlr, stsd, stts, stss, stsc, elst] = await Promise.all(
    ['tkhd', 'mdhd', 'hdlr', 'stsd', 'stts', 'stss', 'stsc', 'elst'].map((type) =>
      readSmall(file, leaves.get(type)),
    ),
  );
  const ctts = leaves.get('ctts');
  const stsz = leaves.get('stsz');
  const stco = leaves.get('stco') ?? leaves.get('co64');
  if (!tkhd || !mdhd || !hdlr || !stsd || !stts || !stsc || !stsz || !stco) return null;
  const handler = fourcc(hdlr, 8);
  const header = readTrackHeader(tkhd);
  const { timescale } = readTimescaleDuration(mdhd);
  const sizeHeader = await readPayload(file, { ...stsz, end: stsz.payloadStart + 12 });
  const offsetHeader = await readPayload(file, { ...stco, end: stco.payloadStart + 8 });
  const entry = readSampleEntry(stsd, handler);
  // Protected sample entries (Common Encryption): the real codec hides under `sinf`.
  if (entry.fourcc === 'encv' || entry.fourcc === 'enca') throw new Mp4EncryptedError(entry.fourcc);
  const tables: SampleTables = {
    stts: readTable(stts, 8, 2),
    stss: stss ? readTable(stss, 8, 1) : null,
    stsc: readTable(stsc, 8, 3),
    sampleSizes: {
      fixedSize: sizeHeader.getUint32(4),
      count: sizeHeader.getUint32(8),
      tableStart: stsz.payloadStart + 12,
    },
    chunkOffsets: {
      count: offsetHeader.getUint32(4),
      tableStart: stco.payloadStart + 8,
      entryBytes: stco.type === 'co64' ? 8 : 4,
    },
    compositionOffsets: ctts ? await locateCompositionOffsets(file, ctts) : null,
  };
  checkTableCounts(handler, tables, { stsz, stco, fileSize: file.size });
  // Most muxers write the display size in tkhd; some write the coded size and leave the pixel
  // shape to `pasp`: then the display width is the coded width stretched by it.
  const aspect = entry.pixelAspect ?? 1;
  const shownWidth =
    aspect !== 1 && Math.round(header.width) === entry.codedWidth
      ? Math.round(entry.codedWidth * aspect)
      : header.width;
  return {
    handler,
    fourcc: entry.fourcc,
    timescale,
    width: header.rotated ? header.height : shownWidth,
    height: header.rotated ? shownWidth : header.height,
    codedWidth: entry.codedWidth,
    codedHeight: entry.codedHeight,
    codecConfig: entry.codecConfig,
    sampleRate: entry.sampleRate,
    channels: entry.channels ?? 0,
    audioConfig: entry.audioConfig ?? null,
    rotation: header.rotation,
    editShift: readEditShift(elst ?? null, movieTimescale, timescale),
    samplesDuration: timescale > 0 ? samplesDuration(tables) / timescale : 0,
    tables,
  };
}

async function locateCompositionOffsets(file: Blob, ctts: BoxHeader) {
  const header = await readPayload(file, { ...ctts, end: ctts.payloadStart + 8 });
  const count = Math.min(header.getUint32(4), Math.floor((ctts.end - ctts.payloadStart - 8) / 8));
  return { count, tableStart: ctts.payloadStart + 8, signed: header.getUint8(0) === 1 };
}

/** Header and samples disagree by more than this (padding, rounding) → trust the samples. */
const DURATION_SLACK_S = 1;

function movieDuration(claimed: number, tracks: Mp4Track[]): number {
  const covered = Math.max(0, ...tracks.map((track) => track.samplesDuration));
  return covered > 0 && claimed > covered + DURATION_SLACK_S ? covered : claimed;
}

/**
 * Reads an MP4/MOV's tracks without parsing its per-sample tables: a 9-hour file's moov holds
 * millions of entries, which a full demuxer turns into hundreds of MB of objects; this reader
 * keeps kilobytes and is several times faster (the large-file E2E holds the tab to it). That is
 * why import keeps it; everything that decodes (frames, audio) goes through mediabunny.
 * Throws Mp4IndexError for layouts it doesn't cover (fragmented MP4: samples live in moofs), and
 * Mp4DamagedError for files no reader should try (no moov at all, counts the bytes can't hold).
 */
export async function readMp4Index(file: Blob): Promise<Mp4Index> {
  const budget = walkBudget();
  const moov = await findTopLevel(file, 'moov', budget);
  if (!moov) throw new Mp4DamagedError('it has no movie header (“moov” box)');
  const children = await childBoxes(file, moov.payloadStart, moov.end, budget);
  const mvhd = children.find((box) => box.type === 'mvhd');
  if (!mvhd) throw new Mp4IndexError('no movie header');
  if (children.some((box) => box.type === 'mvex')) throw new Mp4IndexError('fragmented MP4');
  const movie = readTimescaleDuration(await readPayload(file, mvhd));
  const tracks = (
    await Promise.all(
      children
        .filter((b) => b.type === 'trak')
        .map((trak) => readTrack(file, trak, budget, movie.timescale)),
    )
  ).filter((track): track is Mp4Track => track !== null && track.tables.sampleSizes.count > 0);
  if (!movie.timescale || !movie.duration) throw new Mp4IndexError('no movie duration');
  return { duration: movieDuration(movie.duration / movie.timescale, tracks), tracks };
}
