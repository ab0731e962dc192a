import { getVideoBlob, type FileStorage } from '../db/index';

/** OPFS folder holding one file per video, named by video id. */
const VIDEO_DIR = 'videos';

/** OPFS with writable streams (Safari before 17 and some private modes lack one or the other). */
export function canUseOpfs(): boolean {
  return (
    typeof navigator !== 'undefined' &&
    typeof navigator.storage?.getDirectory === 'function' &&
    typeof FileSystemFileHandle !== 'undefined' &&
    'createWritable' in FileSystemFileHandle.prototype
  );
}

async function videoDirectory(): Promise<FileSystemDirectoryHandle> {
  const root = await navigator.storage.getDirectory();
  return root.getDirectoryHandle(VIDEO_DIR, { create: true });
}

export interface SaveOptions {
  signal: AbortSignal;
  /** Called with the bytes written so far. */
  onProgress: (bytesWritten: number) => void;
}

/** Bytes copied per step: one buffer, reused, so a large file leaves no garbage behind. */
const COPY_CHUNK_BYTES = 1024 * 1024;

async function copyInto(
  file: Blob,
  writable: FileSystemWritableFileStream,
  options: SaveOptions,
): Promise<void> {
  // A BYOB reader fills the same buffer again and again; default chunks would each be new garbage.
  const reader = file.stream().getReader({ mode: 'byob' });
  let buffer = new ArrayBuffer(COPY_CHUNK_BYTES);
  let written = 0;
  try {
    for (;;) {
      options.signal.throwIfAborted();
      const { value, done } = await reader.read(new Uint8Array(buffer));
      if (done || !value) break;
      await writable.write(value);
      written += value.byteLength;
      options.onProgress(written);
      buffer = value.buffer;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * Streams a file into OPFS under `id`, chunk by chunk: a multi-gigabyte video never sits in
 * memory. On failure or cancel the partial file is removed. Returns where the bytes went; 'idb'
 * means the caller stores the Blob in IndexedDB (in the same transaction as the video row).
 */
export async function saveVideoFile(
  id: string,
  file: Blob,
  options: SaveOptions,
): Promise<FileStorage> {
  if (!canUseOpfs()) {
    options.onProgress(file.size);
    return 'idb';
  }
  const dir = await videoDirectory();
  const handle = await dir.getFileHandle(id, { create: true });
  const writable = await handle.createWritable();
  try {
    await copyInto(file, writable, options);
    await writable.close();
  } catch (error) {
    await writable.abort().catch(() => undefined);
    await dir.removeEntry(id).catch(() => undefined);
    throw error;
  }
  return 'opfs';
}

/** Opens a stored video's bytes as a Blob (disk-backed: reading is lazy). */
export async function openVideoFile(id: string, storage: FileStorage): Promise<Blob> {
  if (storage === 'idb') {
    const blob = await getVideoBlob(id);
    if (!blob) throw new Error(`The stored copy of video ${id} is missing`);
    return blob;
  }
  const dir = await videoDirectory();
  return (await dir.getFileHandle(id)).getFile();
}

/** Removes a video's OPFS file; a file that is already gone is fine. */
export async function removeVideoFile(id: string, storage: FileStorage): Promise<void> {
  if (storage !== 'opfs' || !canUseOpfs()) return;
  const dir = await videoDirectory();
  await dir.removeEntry(id).catch((error: unknown) => {
    if (!(error instanceof DOMException && error.name === 'NotFoundError')) throw error;
  });
}

/** Files left in OPFS by an import or delete that was interrupted, older than `minAgeMs`. */
export async function listOrphanFiles(knownIds: Set<string>, minAgeMs: number): Promise<string[]> {
  if (!canUseOpfs()) return [];
  const dir = await videoDirectory();
  const orphans: string[] = [];
  for await (const [name, handle] of dir.entries()) {
    if (knownIds.has(name) || handle.kind !== 'file') continue;
    // A young file may be an import still running in another tab.
    const file = await (handle as FileSystemFileHandle).getFile();
    if (Date.now() - file.lastModified >= minAgeMs) orphans.push(name);
  }
  return orphans;
}
