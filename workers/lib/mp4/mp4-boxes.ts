/**
 * Minimal ISO-BMFF box access over a Blob: headers and small payloads are read on demand, so a
 * multi-gigabyte file with a huge moov is never loaded whole. Walks are bounded: headers are read
 * a window at a time (one `slice` per header made 50 MiB of 8-byte boxes take minutes), a level
 * holds at most MAX_BOXES_PER_LEVEL boxes, and every walk of one file shares a deadline.
 */
export interface BoxHeader {
  type: string;
  /** Offset of the box's first byte in the file. */
  start: number;
  /** Offset of the payload (after size, type and any largesize). */
  payloadStart: number;
  /** Offset just past the box. */
  end: number;
}

/** Boxes whose children we descend into. */
const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl', 'edts']);

/**
 * A real file has a handful of boxes per level; a fragmented 10-hour recording a few tens of
 * thousands at the top (a moof and an mdat a second). More than this is garbage or an attack.
 */
export const MAX_BOXES_PER_LEVEL = 100_000;

/** How long all the box walks of one file may take together. */
export const BOX_WALK_DEADLINE_MS = 5_000;

/** Bytes read per window while walking headers. */
const HEADER_WINDOW_BYTES = 64 * 1024;

/** The file's structure is impossible or hostile: refuse it, don't hand it to another reader. */
export class Mp4DamagedError extends Error {
  override name = 'Mp4DamagedError';
}

/** The track is encrypted (DRM: a protected sample entry, `encv`/`enca`): nothing can decode it here. */
export class Mp4EncryptedError extends Error {
  override name = 'Mp4EncryptedError';
}

export async function readBytes(file: Blob, start: number, length: number): Promise<DataView> {
  return new DataView(await file.slice(start, start + length).arrayBuffer());
}

function fourcc(view: DataView, at: number): string {
  return String.fromCharCode(
    view.getUint8(at),
    view.getUint8(at + 1),
    view.getUint8(at + 2),
    view.getUint8(at + 3),
  );
}

/** Reads box headers through a sliding window, so consecutive small boxes cost one read. */
export class HeaderWindow {
  private start = 0;
  private view: DataView = new DataView(new ArrayBuffer(0));

  constructor(private readonly file: Blob) {}

  /** A view holding [at, at + 16) (or up to the end of the file); its offset 0 is `at`. */
  async at(at: number): Promise<{ view: DataView; offset: number }> {
    const end = Math.min(at + 16, this.file.size);
    if (at < this.start || end > this.start + this.view.byteLength) {
      this.start = at;
      this.view = await readBytes(this.file, at, HEADER_WINDOW_BYTES);
    }
    return { view: this.view, offset: at - this.start };
  }
}

/** Box-walk budget shared by every walk of one file. */
export interface WalkBudget {
  deadline: number;
}

export function walkBudget(): WalkBudget {
  return { deadline: performance.now() + BOX_WALK_DEADLINE_MS };
}

async function readHeader(
  window: HeaderWindow,
  start: number,
  limit: number,
): Promise<BoxHeader | null> {
  if (start + 8 > limit) return null;
  const { view, offset } = await window.at(start);
  if (offset + 8 > view.byteLength) return null;
  let size = view.getUint32(offset);
  let payloadStart = start + 8;
  if (size === 1) {
    if (offset + 16 > view.byteLength) return null;
    size = Number(view.getBigUint64(offset + 8));
    payloadStart = start + 16;
  } else if (size === 0) {
    size = limit - start;
  }
  if (size < payloadStart - start) return null;
  return {
    type: fourcc(view, offset + 4),
    start,
    payloadStart,
    end: Math.min(start + size, limit),
  };
}

/**
 * The direct children of the byte range [start, end), up to the first of type `until` if given.
 * Throws Mp4DamagedError past MAX_BOXES_PER_LEVEL boxes or the budget's deadline.
 */
export async function childBoxes(
  file: Blob,
  start: number,
  end: number,
  budget: WalkBudget,
  until?: string,
): Promise<BoxHeader[]> {
  const window = new HeaderWindow(file);
  const boxes: BoxHeader[] = [];
  for (let at = start; at < end;) {
    const box = await readHeader(window, at, end);
    if (!box) break;
    boxes.push(box);
    if (box.type === until) break;
    if (boxes.length > MAX_BOXES_PER_LEVEL) {
      throw new Mp4DamagedError(
        `it holds over ${MAX_BOXES_PER_LEVEL.toLocaleString('en-US')} boxes in one level`,
      );
    }
    if (boxes.length % 1024 === 0 && performance.now() > budget.deadline) {
      throw new Mp4DamagedError(
        `its structure could not be read in ${BOX_WALK_DEADLINE_MS / 1000} s`,
      );
    }
    at = box.end;
  }
  return boxes;
}

/** The first top-level box of this type (e.g. 'moov'), reading only box headers. */
export async function findTopLevel(
  file: Blob,
  type: string,
  budget: WalkBudget,
): Promise<BoxHeader | undefined> {
  return (await childBoxes(file, 0, file.size, budget, type)).find((box) => box.type === type);
}

export function isContainer(type: string): boolean {
  return CONTAINERS.has(type);
}

/** The payload of a small box (never call this on stsz/stco: they can be megabytes). */
export function readPayload(file: Blob, box: BoxHeader): Promise<DataView> {
  return readBytes(file, box.payloadStart, box.end - box.payloadStart);
}

export { fourcc };
