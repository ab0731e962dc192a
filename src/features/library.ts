/**
 * The library: bringing videos in (files and `.bri` backups), taking them out, posters, the
 * stored files, storage, and search across every video.
 */
export {
  cancelImport,
  dismissImport,
  expectImport,
  importFile,
  importFiles,
  restoreBackup,
} from '../library/import-actions';
export { deleteVideo } from '../library/delete-video';
export {
  deleteNow,
  deleteWithUndo,
  dismissDeleteError,
  UNDO_DELETE_MS,
  undoDelete,
} from '../library/pending-deletions';
export { renameVideo } from '../library/rename';
export { downloadBackup, downloadExport } from '../library/downloads';
export { refreshStorage } from '../library/library-refresh';
export { exportBackup } from '../library/backup/backup-library';
export { searchLibrary, type LibraryHit } from '../library/library-search';
export { getPoster, getVideo, listVideos } from '../db';
export { openVideoFile } from '../storage/video-files';
export { requestPersistence } from '../storage/storage-status';
