/**
 * The `.bri` backup file: an 8-byte magic, a 4-byte little-endian length, a JSON manifest, then
 * the binary parts (frame images, posters, video files) back to back. Writing composes a Blob of
 * the stored Blobs (no copy: a multi-gigabyte video is never read into memory) and reading slices
 * the file lazily, so both stay cheap whatever the library's size.
 */

const MAGIC = 'BRIINDEX';
const HEADER_BYTES = MAGIC.length + 4;

/**
 * The largest table of contents read into memory. A 10-hour video's index (transcript, text,
 * base64 vectors) is tens of MB; past this the "backup" is something else.
 */
export const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;

/** A backup whose table of contents would be larger than BRI reads back: not written. */
export class BackupTooLargeError extends Error {
  override name = 'BackupTooLargeError';
}

/** A file that isn't a BRI backup, or one that is damaged. */
export class NotABackupError extends Error {
  override name = 'NotABackupError';
}

interface Part {
  size: number;
  type: string;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

/** Replaces Blobs by part numbers and Int8Arrays by base64, so the rest is plain JSON. */
function encode(value: unknown, parts: Blob[]): unknown {
  if (value instanceof Blob) return { $blob: parts.push(value) - 1 };
  if (value instanceof Int8Array)
    return { $int8: toBase64(new Uint8Array(value.buffer, value.byteOffset, value.length)) };
  if (Array.isArray(value)) return value.map((item) => encode(item, parts));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v, parts)]));
  return value;
}

function decode(value: unknown, parts: Blob[]): unknown {
  if (Array.isArray(value)) return value.map((item) => decode(item, parts));
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('$blob' in record) {
      const part = Number.isInteger(record.$blob) ? parts[record.$blob as number] : undefined;
      if (!part) throw new NotABackupError('The backup file is damaged (a part is missing).');
      return part;
    }
    if (typeof record.$int8 === 'string') return new Int8Array(fromBase64(record.$int8).buffer);
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, decode(v, parts)]));
  }
  return value;
}

/**
 * Packs `content` (JSON-like, with Blobs and Int8Arrays inside) into one `.bri` Blob. Refuses,
 * with `BackupTooLargeError`, a table of contents `readArchive` would refuse: BRI never writes a
 * backup it can't restore.
 */
export function writeArchive(content: unknown, maxManifestBytes = MAX_MANIFEST_BYTES): Blob {
  const parts: Blob[] = [];
  const body = encode(content, parts);
  const json = JSON.stringify({
    parts: parts.map((p): Part => ({ size: p.size, type: p.type })),
    body,
  });
  // UTF-8 takes at least a byte a character: a string this long can't fit, whatever it holds.
  if (json.length > maxManifestBytes) throw tooLarge(json.length);
  const manifest = new TextEncoder().encode(json);
  if (manifest.length > maxManifestBytes) throw tooLarge(manifest.length);
  const header = new Uint8Array(HEADER_BYTES);
  header.set(new TextEncoder().encode(MAGIC));
  new DataView(header.buffer).setUint32(MAGIC.length, manifest.length, true);
  return new Blob([header, manifest, ...parts], { type: 'application/x-bri-backup' });
}

function tooLarge(bytes: number): BackupTooLargeError {
  const mb = (n: number) => `${Math.ceil(n / 1024 / 1024)} MB`;
  return new BackupTooLargeError(
    `The index of these videos takes ${mb(bytes)}, more than one backup file can hold (${mb(MAX_MANIFEST_BYTES)}). ` +
      'Nothing was saved. Back up fewer videos at a time: each video’s card has “Export .bri”.',
  );
}

/** Whether a file starts like a `.bri` backup (checked before reading any further). */
export async function isArchive(file: Blob): Promise<boolean> {
  if (file.size < HEADER_BYTES) return false;
  const magic = new TextDecoder().decode(await file.slice(0, MAGIC.length).arrayBuffer());
  return magic === MAGIC;
}

/** Reads a `.bri` Blob back: the content with its Blobs as lazy slices of the file. */
export async function readArchive(
  file: Blob,
  maxManifestBytes = MAX_MANIFEST_BYTES,
): Promise<unknown> {
  if (!(await isArchive(file))) throw new NotABackupError('This file is not a BRI backup (.bri).');
  const length = new DataView(await file.slice(MAGIC.length, HEADER_BYTES).arrayBuffer()).getUint32(
    0,
    true,
  );
  if (length > maxManifestBytes)
    throw new NotABackupError(
      'The backup file is damaged (its table of contents is impossibly large).',
    );
  if (HEADER_BYTES + length > file.size)
    throw new NotABackupError(
      'The backup file is cut short: it was not completely saved or copied.',
    );
  let manifest: { parts: Part[]; body: unknown };
  try {
    manifest = JSON.parse(
      new TextDecoder().decode(await file.slice(HEADER_BYTES, HEADER_BYTES + length).arrayBuffer()),
    ) as { parts: Part[]; body: unknown };
  } catch {
    throw new NotABackupError('The backup file is damaged (its table of contents cannot be read).');
  }
  let offset = HEADER_BYTES + length;
  if (!Array.isArray(manifest.parts))
    throw new NotABackupError('The backup file is damaged (its table of contents has no parts).');
  const parts = manifest.parts.map((part: unknown) => {
    const { size } = (part ?? {}) as Partial<Part>;
    // A size of −1 or NaN would slice bytes that aren't the part: every later part shifts.
    if (!Number.isSafeInteger(size) || (size as number) < 0)
      throw new NotABackupError('The backup file is damaged (a part has an impossible size).');
    // The type a manifest claims is not trusted: readers type the bytes themselves.
    const slice = file.slice(offset, offset + (size as number));
    offset += size as number;
    return slice;
  });
  if (offset > file.size)
    throw new NotABackupError(
      'The backup file is cut short: it was not completely saved or copied.',
    );
  return decode(manifest.body, parts);
}
