/**
 * The library: bringing videos in (files and `.bri` backups), taking them out, posters, the
 * stored files, storage, and search across every video.
 */
export {
  cancelImport,
  deleteVideo,
  dismissImport,
  downloadBackup,
  downloadExport,
  expectImport,
  importFile,
  importFiles,
  refreshStorage,
  restoreBackup,
} from '../library/library-actions';
export { exportBackup } from '../library/backup/backup-library';
export { searchLibrary, type LibraryHit } from '../library/library-search';
export { getPoster, getVideo, listVideos } from '../db';
export { openVideoFile } from '../storage/video-files';
export { requestPersistence } from '../storage/storage-status';
