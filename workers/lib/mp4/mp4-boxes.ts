/**
 * Minimal ISO-BMFF box access over a Blob: headers and small payloads are read on demand, so a
 * multi-gigabyte file with a huge moov is never loaded whole.
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

async function readHeader(file: Blob, start: number, limit: number): Promise<BoxHeader | null> {
  if (start + 8 > limit) return null;
  const view = await readBytes(file, start, 16);
  let size = view.getUint32(0);
  let payloadStart = start + 8;
  if (size === 1) {
    size = Number(view.getBigUint64(8));
    payloadStart = start + 16;
  } else if (size === 0) {
    size = limit - start;
  }
  if (size < payloadStart - start) return null;
  return { type: fourcc(view, 4), start, payloadStart, end: Math.min(start + size, limit) };
}

/** The direct children of the byte range [start, end). */
export async function childBoxes(file: Blob, start: number, end: number): Promise<BoxHeader[]> {
  const boxes: BoxHeader[] = [];
  for (let at = start; at < end;) {
    const box = await readHeader(file, at, end);
    if (!box) break;
    boxes.push(box);
    at = box.end;
  }
  return boxes;
}

/** The first top-level box of this type (e.g. 'moov'), reading only box headers. */
export async function findTopLevel(file: Blob, type: string): Promise<BoxHeader | undefined> {
  return (await childBoxes(file, 0, file.size)).find((box) => box.type === type);
}

export function isContainer(type: string): boolean {
  return CONTAINERS.has(type);
}

/** The payload of a small box (never call this on stsz/stco: they can be megabytes). */
export function readPayload(file: Blob, box: BoxHeader): Promise<DataView> {
  return readBytes(file, box.payloadStart, box.end - box.payloadStart);
}

export { fourcc };
