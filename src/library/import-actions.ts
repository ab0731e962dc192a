import { analyseVideo } from '../pipeline/analysis-queue';
import { releaseInspector, startFramesWorker, startImportWorker } from '../bridges/media';
import { readSettings } from '../settings/settings';
import { ImportCancelledError, UnexpectedImportError, VideoImportError } from './import-errors';
import { patchImport, useLibraryStore } from '../store/library-store';
import { isArchive } from './backup/archive-format';
import { importBackup, type BackupImport } from './backup/backup-library';
import { importVideo, type ImportProgress } from './import-video';
import { requestPersistence } from '../storage/storage-status';
import { errorMessage } from '../shared/error-message';
import { refreshLibrary, refreshStorage } from './library-refresh';

/**
 * Bringing files into the library: videos and `.bri` backups, one at a time, each shown as a row
 * with progress, Cancel and its outcome in plain words.
 */

/** Cancel handles of imports in progress (not serialisable, so kept out of the store). */
const controllers = new Map<string, AbortController>();
/** Imports run one at a time: on 2 cores, parallel demuxing only slows each one down. */
let importChain: Promise<unknown> = Promise.resolve();

/** Any error an import ends with, as the import error a person sees (its class kept). */
function asImportError(error: unknown, name: string): VideoImportError {
  if (error instanceof VideoImportError) return error;
  return new UnexpectedImportError(name, errorMessage(error));
}

/** Limits store updates to whole percents: a 500 MB file streams in thousands of chunks. */
function progressReporter(key: string): (progress: ImportProgress) => void {
  let last = '';
  return ({ phase, fraction }) => {
    const step = `${phase}:${Math.floor(fraction * 100)}`;
    if (step === last) return;
    last = step;
    patchImport(key, { phase, fraction });
  };
}

async function runImport(
  key: string,
  file: Blob,
  name: string,
  controller: AbortController,
): Promise<string> {
  patchImport(key, { state: 'running' });
  if (readSettings().autoAnalyse) startFramesWorker();
  try {
    if (controller.signal.aborted) throw new ImportCancelledError(name);
    const video = await importVideo(file, name, {
      signal: controller.signal,
      onProgress: progressReporter(key),
    });
    // Analysis starts before the library is read again: the first frame is what chat waits for.
    if (readSettings().autoAnalyse) void analyseVideo(video.id);
    useLibraryStore.setState((s) => ({ imports: s.imports.filter((item) => item.key !== key) }));
    await refreshLibrary();
    void requestPersistence().then(refreshStorage);
    return video.id;
  } catch (error) {
    const failure = asImportError(error, name);
    if (failure instanceof ImportCancelledError) {
      useLibraryStore.setState((s) => ({ imports: s.imports.filter((item) => item.key !== key) }));
    } else {
      patchImport(key, {
        state: 'failed',
        error: { name: failure.name, message: failure.message },
      });
    }
    throw failure;
  } finally {
    controllers.delete(key);
    // Its reader's buffers would otherwise sit beside the models for the idle time.
    if (controllers.size === 0) releaseInspector();
  }
}

/** A file is on its way (a drag entered the drop zone, the picker opened): get the import ready. */
export function expectImport(): void {
  startImportWorker();
}

/**
 * Queues one file for import and resolves with the new video's id. Progress and failures show in
 * the library; the returned promise rejects with the same named error the UI shows.
 */
export function importFile(file: Blob, name?: string): Promise<string> {
  const displayName = name ?? (file instanceof File && file.name ? file.name : 'Untitled video');
  return queueImport(file, displayName, showImportRow(file, displayName));
}

/** Queues an import behind the others, its progress and outcome shown on row `key`. */
function queueImport(file: Blob, displayName: string, key: string): Promise<string> {
  const controller = controllers.get(key) ?? new AbortController(); // Set by showImportRow.
  const run = importChain.then(() => runImport(key, file, displayName, controller));
  importChain = run.catch(() => undefined);
  return run;
}

/** Adds a waiting row to the import list, cancellable from then on; returns its key. */
function showImportRow(file: Blob, name: string): string {
  const key = crypto.randomUUID();
  controllers.set(key, new AbortController());
  useLibraryStore.setState((s) => ({
    imports: [
      ...s.imports,
      { key, name, size: file.size, state: 'queued', phase: 'checking', fraction: 0 },
    ],
  }));
  return key;
}

/**
 * Imports files picked or dropped in the UI (videos, or `.bri` backups); failures are shown on
 * their rows. Each file's row appears at once, before its first bytes are read to tell a backup
 * from a video.
 */
export function importFiles(files: Iterable<File>): void {
  for (const file of files) {
    const name = file.name || 'Untitled video';
    const key = showImportRow(file, name);
    void isArchive(file).then(async (backup) => {
      await (backup ? restoreBackup(file, key) : queueImport(file, name, key)).catch(
        () => undefined,
      );
    });
  }
}

/** What a restore did, in words, when it didn't simply add everything. */
function describeRestore({ imported, skipped }: BackupImport): string | null {
  if (skipped.length === 0) return null;
  const reasons = skipped.map((s) => s.reason).join(' ');
  if (imported.length === 0) return `Nothing was restored from the backup: ${reasons}`;
  const added = imported.length === 1 ? '1 video' : `${imported.length} videos`;
  return `Restored ${added} from the backup. Not restored: ${reasons}`;
}

/**
 * Restores a `.bri` backup into the library, shown as a row while it runs; resolves with what
 * was restored and skipped. Problems stay on the row in plain words.
 */
export async function restoreBackup(file: File | Blob, rowKey?: string): Promise<BackupImport> {
  const name = file instanceof File && file.name ? file.name : 'Backup';
  const key = rowKey ?? showImportRow(file, name);
  const signal = controllers.get(key)?.signal;
  patchImport(key, { state: 'running', phase: 'storing' });
  try {
    const result = await importBackup(file, signal);
    const message = describeRestore(result);
    if (message)
      patchImport(key, { state: 'failed', error: { name: 'BackupPartlyRestored', message } });
    else dismissImport(key);
    return result;
  } catch (error) {
    // Cancelled: each video restored so far is whole and stays; the row simply goes.
    if (signal?.aborted) dismissImport(key);
    else {
      const message = errorMessage(error);
      patchImport(key, { state: 'failed', error: { name: 'BackupNotRestored', message } });
    }
    throw error;
  } finally {
    controllers.delete(key);
    await Promise.all([refreshLibrary(), refreshStorage()]);
  }
}

export function cancelImport(key: string): void {
  controllers.get(key)?.abort(new DOMException('Cancelled by the user', 'AbortError'));
}

export function dismissImport(key: string): void {
  useLibraryStore.setState((s) => ({ imports: s.imports.filter((item) => item.key !== key) }));
}
