import { fourcc } from './mp4-boxes';

// What a track adds to its samples: the edit list's shift and an AAC track's decoder config.

/**
 * The edit list's effect on presentation times, seconds: an empty first edit delays the track,
 * and the first real edit's media time (ffmpeg's B-frame delay) is where the track starts.
 */
export function readEditShift(
  elst: DataView | null,
  movieTimescale: number,
  timescale: number,
): number {
  if (!elst || movieTimescale <= 0 || timescale <= 0) return 0;
  const version = elst.getUint8(0);
  const entries = elst.getUint32(4);
  const entryBytes = version === 1 ? 20 : 12;
  let delay = 0;
  for (let i = 0; i < entries && 8 + (i + 1) * entryBytes <= elst.byteLength; i++) {
    const at = 8 + i * entryBytes;
    const duration = version === 1 ? Number(elst.getBigUint64(at)) : elst.getUint32(at);
    const mediaTime = version === 1 ? Number(elst.getBigInt64(at + 8)) : elst.getInt32(at + 4);
    if (mediaTime === -1) delay += duration / movieTimescale;
    else return delay - mediaTime / timescale;
  }
  return delay;
}

/** The AudioSpecificConfig inside an `esds` box's descriptors (ES → DecoderConfig → DecoderSpecificInfo). */
function readAacConfig(esds: DataView): Uint8Array | null {
  let at = 4; // version and flags
  const descriptor = (): { tag: number; size: number } | null => {
    if (at >= esds.byteLength) return null;
    const tag = esds.getUint8(at++);
    let size = 0;
    for (let i = 0; i < 4 && at < esds.byteLength; i++) {
      const byte = esds.getUint8(at++);
      size = (size << 7) | (byte & 0x7f);
      if (!(byte & 0x80)) break;
    }
    return { tag, size };
  };
  const es = descriptor();
  if (es?.tag !== 0x03) return null;
  const flags = esds.getUint8(at + 2);
  at +=
    3 +
    (flags & 0x80 ? 2 : 0) +
    (flags & 0x20 ? esds.getUint8(at + 3) + 1 : 0) +
    (flags & 0x40 ? 2 : 0);
  const config = descriptor();
  if (config?.tag !== 0x04) return null;
  at += 13;
  const specific = descriptor();
  if (specific?.tag !== 0x05 || at + specific.size > esds.byteLength) return null;
  return new Uint8Array(
    esds.buffer.slice(esds.byteOffset + at, esds.byteOffset + at + specific.size),
  );
}

/** The `esds` child of an `mp4a` entry (after 28 bytes of fields, 16 more in version 1, 36 in 2). */
export function audioSpecificConfig(entry: DataView): Uint8Array | null {
  if (entry.byteLength < 36) return null;
  const version = entry.getUint16(16);
  for (let at = 36 + (version === 1 ? 16 : version === 2 ? 36 : 0); at + 8 <= entry.byteLength;) {
    const size = entry.getUint32(at);
    if (size < 8 || at + size > entry.byteLength) return null;
    if (fourcc(entry, at + 4) === 'esds')
      return readAacConfig(new DataView(entry.buffer, entry.byteOffset + at + 8, size - 8));
    at += size;
  }
  return null;
}
