import type { VideoRecord } from '../db';
import { saveBlob } from '../storage/save-blob';
import { exportBackup } from './backup/backup-library';
import {
  exportFileName,
  exportVideo,
  type ExportFormat,
  type ExportOptions,
} from './exports/export-video';

/** Saves a `.bri` backup of the given videos (all when omitted) through the browser's download. */
export async function downloadBackup(ids?: string[], fileName = 'bri-library.bri'): Promise<void> {
  saveBlob(await exportBackup(ids), fileName);
}

/** Saves one video's export (subtitles, notes or index) as a download named after the video. */
export async function downloadExport(
  video: VideoRecord,
  format: ExportFormat,
  options: ExportOptions = {},
): Promise<void> {
  saveBlob(
    await exportVideo(video.id, format, options),
    exportFileName(video.name, format, options),
  );
}
