import type { ContainerKind } from '../../src/shared/video-types';
import { HeaderWindow } from './mp4/mp4-boxes';

/**
 * Compares the sizes a container declares with the bytes actually present. A file cut short by
 * an interrupted download still has a readable header (its moov box may be complete), so demuxing
 * alone would accept it; the declared sizes give it away. Returns a plain-words reason, or null.
 */
export async function findTruncation(file: Blob, container: ContainerKind): Promise<string | null> {
  switch (container) {
    case 'mp4':
    case 'mov':
      return findIsoBmffTruncation(file);
    case 'webm':
    case 'mkv':
      return findMatroskaTruncation(file);
    case 'avi':
      return findRiffTruncation(file);
    case 'ts':
    case 'flv':
    case 'mp3':
    case 'adts':
    case 'ogg':
    case 'flac':
    case 'wav':
      // Streams of frames or pages carry no total: a cut file is simply shorter, and plays so.
      return null;
  }
}

async function readView(file: Blob, start: number, length: number): Promise<DataView> {
  const buffer = await file.slice(start, Math.min(file.size, start + length)).arrayBuffer();
  return new DataView(buffer);
}

function percentPresent(present: number, declared: number): string {
  return `only ${Math.floor((present / declared) * 100)} % of its data is present`;
}

async function findIsoBmffTruncation(file: Blob): Promise<string | null> {
  let offset = 0;
  const headers = new HeaderWindow(file);
  // Top-level boxes only: a real file has a handful, so the cap only guards against garbage.
  for (let boxes = 0; offset < file.size && boxes < 10_000; boxes++) {
    const window = await headers.at(offset);
    const view = new DataView(window.view.buffer, window.offset, Math.min(16, file.size - offset));
    if (view.byteLength < 8) return 'the last box header is cut off';
    let boxSize = view.getUint32(0);
    if (boxSize === 1) {
      if (view.byteLength < 16) return 'the last box header is cut off';
      boxSize = Number(view.getBigUint64(8));
    } else if (boxSize === 0) {
      return null; // "Extends to end of file" — nothing to compare against.
    }
    if (boxSize < 8) return 'a box has an impossible size';
    if (offset + boxSize > file.size) {
      const type = String.fromCharCode(
        view.getUint8(4),
        view.getUint8(5),
        view.getUint8(6),
        view.getUint8(7),
      );
      return `the “${type}” section ends early: ${percentPresent(file.size - offset, boxSize)}`;
    }
    offset += boxSize;
  }
  return null;
}

/** Reads an EBML variable-length integer; `unknown` is true for the reserved all-ones size. */
function readVint(
  view: DataView,
  at: number,
): { value: number; length: number; unknown: boolean } | null {
  const first = view.getUint8(at);
  let length = 1;
  while (length <= 8 && (first & (0x80 >> (length - 1))) === 0) length++;
  if (length > 8 || at + length > view.byteLength) return null;
  let value = first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    const byte = view.getUint8(at + i);
    value = value * 256 + byte;
    allOnes &&= byte === 0xff;
  }
  return { value, length, unknown: allOnes };
}

async function findMatroskaTruncation(file: Blob): Promise<string | null> {
  const view = await readView(file, 0, 4096);
  const headerSize = readVint(view, 4);
  if (!headerSize) return 'the header is cut off';
  const segmentAt = 4 + headerSize.length + headerSize.value;
  if (segmentAt + 12 > view.byteLength) return 'the file ends right after its header';
  if (view.getUint32(segmentAt) !== 0x18538067) return null; // Unusual layout: leave it to the demuxer.
  const segmentSize = readVint(view, segmentAt + 4);
  if (!segmentSize || segmentSize.unknown) return null; // Live recordings leave the size open.
  const dataStart = segmentAt + 4 + segmentSize.length;
  if (dataStart + segmentSize.value > file.size) {
    return `the video data ends early: ${percentPresent(file.size - dataStart, segmentSize.value)}`;
  }
  return null;
}

async function findRiffTruncation(file: Blob): Promise<string | null> {
  const view = await readView(file, 0, 8);
  const declared = view.getUint32(4, true) + 8;
  return declared > file.size
    ? `the video data ends early: ${percentPresent(file.size, declared)}`
    : null;
}
