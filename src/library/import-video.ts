import { addVideo, type FileStorage, type VideoRecord } from '../db';
import {
  INSPECT_TIMEOUT_MS,
  inspectFile,
  type ProbeFailure,
  type ProbeResult,
} from '../bridges/media';
import {
  EmptyFileError,
  ImportCancelledError,
  NotAVideoError,
  StorageFullError,
  TruncatedVideoError,
  UndecodableVideoError,
  type VideoImportError,
} from './import-errors';
import { DamagedVideoError, EncryptedVideoError, VideoOutOfRangeError } from './refusal-errors';
import { SNIFF_BYTES, sniffContainer, type SniffResult } from './sniff-container';
import { CONTAINER_MIME } from '../shared/video-types';
import { STORAGE_HEADROOM_BYTES, freeBytesIfShort, isQuotaError } from '../storage/storage-status';
import { removeVideoFile, saveVideoFile } from '../storage/video-files';

/** Where an import is: shown on its progress row. `fraction` is 0–1 within the phase. */
export interface ImportProgress {
  phase: 'checking' | 'storing' | 'finishing';
  fraction: number;
}

export interface ImportOptions {
  signal: AbortSignal;
  onProgress: (progress: ImportProgress) => void;
}

function describeNonVideo(sniff: Extract<SniffResult, { kind: 'other' }>): string {
  switch (sniff.looksLike) {
    case 'text':
      return 'a text file';
    case 'image':
      return `an image (${sniff.detail})`;
    case 'audio':
      return `an audio file (${sniff.detail}) with no picture`;
    case 'playlist':
      return 'a playlist, not a video: it only lists where a stream’s pieces are. Save the video itself (for example with ffmpeg -i playlist.m3u8 -c copy video.mp4) and drop that';
    case 'unknown':
      return sniff.detail ? `a ${sniff.detail} document` : '';
  }
}

async function ensureSpaceFor(name: string, size: number): Promise<void> {
  const free = await freeBytesIfShort(size);
  if (free !== null) throw new StorageFullError(name, size + STORAGE_HEADROOM_BYTES, free);
}

function refusalOf(name: string, failure: ProbeFailure): VideoImportError {
  switch (failure.reason) {
    case 'limit':
      return new VideoOutOfRangeError(name, failure.breach);
    case 'damaged':
      return new DamagedVideoError(name, failure.detail);
    case 'encrypted':
      return new EncryptedVideoError(name);
    case 'truncated':
      return new TruncatedVideoError(name, failure.detail);
    case 'undecodable':
      return new UndecodableVideoError(name, failure.detail);
  }
}

/** Abort, quota and worker errors become the import's own named errors. */
function toImportError(error: unknown, name: string, size: number, signal: AbortSignal): unknown {
  if (signal.aborted) return new ImportCancelledError(name);
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new DamagedVideoError(
      name,
      `BRI could not read its structure in ${INSPECT_TIMEOUT_MS / 1000} s`,
    );
  }
  if (isQuotaError(error)) return new StorageFullError(name, size + STORAGE_HEADROOM_BYTES, 0);
  return error;
}

/** Waits for an abandoned copy to stop, then removes whatever of it reached storage. */
async function discardCopy(id: string, saving: Promise<FileStorage>): Promise<void> {
  const storage = await saving.catch(() => null); // An aborted copy cleans up after itself.
  if (storage) await removeVideoFile(id, storage);
}

/**
 * Imports one video: checks it is a complete, decodable video (by content, not extension),
 * reads its metadata and poster in the media worker while the bytes stream into storage, then adds
 * the library row. Nothing is stored unless every step succeeds.
 */
export async function importVideo(
  file: Blob,
  name: string,
  options: ImportOptions,
): Promise<VideoRecord> {
  const { signal, onProgress } = options;
  if (file.size === 0) throw new EmptyFileError(name);
  onProgress({ phase: 'checking', fraction: 0 });
  const sniff = sniffContainer(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
  if (sniff.kind !== 'video') throw new NotAVideoError(name, describeNonVideo(sniff));
  await ensureSpaceFor(name, file.size);

  // The bytes are copied on this thread while the worker inspects them, so neither waits for the
  // other. A refusal stops the copy and removes what it wrote; the refusal, not the copy's fate,
  // is what the person is told.
  const id = crypto.randomUUID();
  const copy = new AbortController();
  let stored = 0;
  let storing = false;
  const saving = saveVideoFile(id, file, {
    signal: AbortSignal.any([signal, copy.signal]),
    onProgress: (written) => {
      stored = written;
      if (storing) onProgress({ phase: 'storing', fraction: written / file.size });
    },
  });
  saving.catch(() => undefined); // Awaited below, or abandoned with the refusal.

  let inspected: ProbeResult;
  try {
    inspected = await inspectFile(signal, file, sniff.container);
    if (!inspected.ok) throw refusalOf(name, inspected.failure);
  } catch (error) {
    copy.abort();
    await discardCopy(id, saving);
    throw toImportError(error, name, file.size, signal);
  }

  storing = true;
  onProgress({ phase: 'storing', fraction: stored / file.size });
  let storage;
  try {
    storage = await saving;
  } catch (error) {
    throw toImportError(error, name, file.size, signal);
  }

  onProgress({ phase: 'finishing', fraction: 1 });
  const { metadata, poster } = inspected;
  const video: VideoRecord = {
    ...metadata,
    id,
    name,
    size: file.size,
    type: CONTAINER_MIME[metadata.container],
    storage,
    createdAt: Date.now(),
  };
  try {
    if (signal.aborted) throw signal.reason;
    await addVideo(video, { videoId: id, ...poster }, storage === 'idb' ? file : null);
  } catch (error) {
    await removeVideoFile(id, storage);
    throw toImportError(error, name, file.size, signal);
  }
  return video;
}
