import { isQuotaError } from '../../storage/storage-status';
import { z } from 'zod';
import {
  BACKUP_TABLES,
  getVideo,
  listVideos,
  readVideoRows,
  restoreVideoRows,
  type BackupTable,
  type StageRecord,
  type VideoRecord,
} from '../../db';
import { openVideoFile, removeVideoFile, saveVideoFile } from '../../storage/video-files';
import { NotABackupError, readArchive, writeArchive } from './archive-format';
import { checkBackedUpVideo, nameOf, type BackedUpVideo } from './restore-checks';
import { withRestoreLock } from './restore-lock';
import { formatBytes } from '../../shared/format';
import { freeBytesIfShort } from '../../storage/storage-status';
import { errorMessage } from '../../shared/error-message';

const FORMAT = 'bri-backup';

/** The disk filled up while restoring: the rest of the backup would fail the same way. */
export class BackupStorageFullError extends Error {
  override name = 'StorageFullError';
}
const VERSION = 1;

/**
 * What a `.bri` backup holds. Only its outline is checked here; each video is then checked with
 * the writers' own schemas (restore-checks.ts, restoreVideoRows), so one bad video is skipped
 * with its reason while the others restore.
 */
const BACKUP = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  appVersion: z.string(),
  exportedAt: z.number(),
  videos: z.array(
    z.object({
      video: z.looseObject({}),
      file: z.instanceof(Blob),
      rows: z.partialRecord(z.enum(BACKUP_TABLES), z.array(z.looseObject({}))),
    }),
  ),
});

/**
 * A `.bri` backup of the given videos (all when `ids` is omitted): each video's file, record and
 * every row of its index. Built lazily from the stored Blobs, so even a large library costs
 * little memory; `Blob.size` is the file's size.
 */
export async function exportBackup(ids?: string[]): Promise<Blob> {
  const videos = ids
    ? await Promise.all(
        ids.map(async (id) => {
          const video = await getVideo(id);
          if (!video) throw new Error(`No video with id ${id}`);
          return video;
        }),
      )
    : await listVideos();
  const entries = [];
  for (const video of videos) {
    entries.push({
      video,
      file: await openVideoFile(video.id, video.storage),
      rows: await readVideoRows(video.id),
    });
  }
  return writeArchive({
    format: FORMAT,
    version: VERSION,
    appVersion: __APP_VERSION__,
    exportedAt: Date.now(),
    videos: entries,
  });
}

/** What an import did with each video of a backup. */
export interface BackupImport {
  imported: { id: string; name: string }[];
  skipped: { id: string; name: string; reason: string }[];
}

/** Stages a backup caught mid-way can't resume on their own: shown as stopped, to analyse again. */
function settleStages(rows: unknown[] | undefined): StageRecord[] {
  return ((rows ?? []) as StageRecord[]).map((stage) =>
    stage.state === 'running' || stage.state === 'queued'
      ? {
          ...stage,
          state: 'cancelled',
          detail: 'Stopped when the backup was made: choose “Analyse again” to finish it.',
        }
      : stage,
  );
}

async function restoreOne(entry: BackedUpVideo, signal: AbortSignal): Promise<string | null> {
  const checked = await checkBackedUpVideo(entry);
  const { id, name } = checked.video;
  if (await getVideo(id)) return `“${name}” is already in your library.`;
  const rows = { ...checked.rows, stages: settleStages(checked.rows.stages) } as Partial<
    Record<BackupTable, unknown[]>
  >;
  let storage: VideoRecord['storage'] | null = null;
  try {
    storage = await saveVideoFile(id, checked.file, { signal, onProgress: () => undefined });
    signal.throwIfAborted();
    const video: VideoRecord = { ...checked.video, storage };
    await restoreVideoRows(video, rows, storage === 'idb' ? checked.file : null);
  } catch (error) {
    if (storage) await removeVideoFile(id, storage).catch(() => undefined);
    // The file system's error, or IndexedDB's as Dexie wraps it (an AbortError around it).
    if (isQuotaError(error))
      throw new BackupStorageFullError(
        `There isn't enough space to restore “${name}”. Free some space (delete videos you no longer need) and try again.`,
      );
    throw error;
  }
  return null;
}

/**
 * Restores the videos of a `.bri` backup that aren't in the library yet — each with its file and
 * its whole index, all or nothing per video. Rejects with `NotABackupError` for a file that
 * isn't one (or is damaged); a video that can't be restored is listed in `skipped` with why.
 */
export function importBackup(
  file: Blob,
  signal: AbortSignal = new AbortController().signal,
): Promise<BackupImport> {
  // One restore at a time, across tabs too: two restores of one file would both find a video
  // missing, both write its file, and the loser would delete the file the winner's row points at.
  return withRestoreLock(signal, () => restoreAll(file, signal));
}

/** Refuses up front when the files to restore can't fit, before a byte is written. */
async function ensureSpaceFor(entries: BackedUpVideo[]): Promise<void> {
  const missing = await Promise.all(
    entries.map(async (entry) => {
      const id = entry.video.id;
      return typeof id === 'string' && (await getVideo(id)) ? 0 : entry.file.size;
    }),
  );
  const needed = missing.reduce((sum, size) => sum + size, 0);
  const free = needed > 0 ? await freeBytesIfShort(needed) : null;
  if (free !== null) {
    throw new BackupStorageFullError(
      `There isn't enough space to restore this backup: its videos need ${formatBytes(needed)} but ` +
        `only ${formatBytes(free)} is free. Delete videos you no longer need, or free disk space, then try again.`,
    );
  }
}

async function restoreAll(file: Blob, signal: AbortSignal): Promise<BackupImport> {
  const parsed = BACKUP.safeParse(await readArchive(file));
  if (!parsed.success)
    throw new NotABackupError(
      'This backup was made by a different version of BRI, or it is damaged: nothing was imported.',
    );
  const entries = parsed.data.videos as BackedUpVideo[];
  await ensureSpaceFor(entries);
  const result: BackupImport = { imported: [], skipped: [] };
  for (const entry of entries) {
    signal.throwIfAborted();
    const id = String(entry.video.id);
    const name = nameOf(entry);
    try {
      const reason = await restoreOne(entry, signal);
      if (reason) result.skipped.push({ id, name, reason });
      else result.imported.push({ id, name });
    } catch (error) {
      if (error instanceof BackupStorageFullError || signal.aborted) throw error;
      result.skipped.push({ id, name, reason: errorMessage(error) });
    }
  }
  return result;
}
