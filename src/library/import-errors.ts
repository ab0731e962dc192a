/**
 * Errors an import can end with. Each carries a message written for the person who dropped the
 * file: what is wrong, and what they can do about it. They are made on the main thread (the media
 * worker answers with a typed failure, never a thrown import error), so callers use `instanceof`.
 */
export class VideoImportError extends Error {
  override name = 'VideoImportError';
}

export class EmptyFileError extends VideoImportError {
  override name = 'EmptyFileError';
  constructor(fileName: string) {
    super(`“${fileName}” is empty (0 bytes). Check that the file finished copying or downloading.`);
  }
}

export class NotAVideoError extends VideoImportError {
  override name = 'NotAVideoError';
  constructor(fileName: string, looksLike: string) {
    super(
      `“${fileName}” isn't a video BRI can open${looksLike ? ` — it looks like ${looksLike}` : ''}. ` +
        'BRI accepts videos (MP4, MOV, MKV, WebM, AVI, MPEG-TS, FLV, Ogg) and sound recordings (M4A, MP3, WAV, FLAC, Ogg, AAC).',
    );
  }
}

export class TruncatedVideoError extends VideoImportError {
  override name = 'TruncatedVideoError';
  constructor(fileName: string, detail: string) {
    super(
      `“${fileName}” looks truncated or damaged (${detail}). ` +
        'Try copying or downloading it again, then drop the complete file.',
    );
  }
}

export class UndecodableVideoError extends VideoImportError {
  override name = 'UndecodableVideoError';
  constructor(fileName: string, detail: string) {
    super(
      `BRI couldn't decode “${fileName}” (${detail}). The file may be damaged or use a codec this browser can't play.`,
    );
  }
}

export class StorageFullError extends VideoImportError {
  override name = 'StorageFullError';
  constructor(fileName: string, neededBytes: number, freeBytes: number) {
    super(
      `Not enough storage for “${fileName}”: it needs ${formatMegabytes(neededBytes)} but only ` +
        `${formatMegabytes(freeBytes)} is free for BRI. Delete videos you no longer need from the ` +
        'library, or free disk space, then try again.',
    );
  }
}

export class ImportCancelledError extends VideoImportError {
  override name = 'ImportCancelledError';
  constructor(fileName: string) {
    super(`Import of “${fileName}” was cancelled. Nothing was stored.`);
  }
}

function formatMegabytes(bytes: number): string {
  return `${Math.max(0, bytes / 1_000_000).toFixed(bytes < 10_000_000 ? 1 : 0)} MB`;
}

/** Anything else an import ran into: said as it is, with the file's name. */
export class UnexpectedImportError extends VideoImportError {
  override name = 'UnexpectedImportError';
  constructor(fileName: string, detail: string) {
    super(
      `BRI could not import “${fileName}”: ${detail}. Try again; if it fails the same way, ` +
        'export Diagnostics (Settings) and report it.',
    );
  }
}
