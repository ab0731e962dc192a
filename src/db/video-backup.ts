import { db as defaultDb } from './connection';
import { ROW_SCHEMAS, type RowTable } from './row-schemas';
import { VIDEO_OWNED_TABLES, type BriDatabase, type VideoRecord } from './schema';
import { RECORD_SCHEMAS, type RecordTable } from './record-schemas';
import { validateRecord, validateRows } from './validate-rows';

/**
 * Tables a backup carries: everything a video owns except its IndexedDB file copy (carried
 * separately, as the file) and cached tool results (recomputed on demand).
 */
export const BACKUP_TABLES = VIDEO_OWNED_TABLES.filter(
  (name) => name !== 'videoBlobs' && name !== 'toolResults',
);
export type BackupTable = (typeof BACKUP_TABLES)[number];

/** Every row a video owns, per table (for a backup). */
export async function readVideoRows(
  videoId: string,
  database: BriDatabase = defaultDb,
): Promise<Record<BackupTable, unknown[]>> {
  const entries = await Promise.all(
    BACKUP_TABLES.map(async (name) => [
      name,
      await database.table(name).where('videoId').equals(videoId).toArray(),
    ]),
  );
  return Object.fromEntries(entries) as Record<BackupTable, unknown[]>;
}

/**
 * A backed-up row as it is written back: under the video's id and, for tables with
 * auto-increment keys (chat turns), without its old key — that is this database's to give. A
 * chat turn is marked imported: a backup may be anyone's, so its answers are never sent to Groq
 * as BRI's own, and what it says it holds is not taken on trust.
 */
function withoutOwnKey(table: BackupTable, row: unknown, videoId: string): object {
  const copy: Record<string, unknown> = { ...(row as object), videoId };
  if (table === 'chatTurns') {
    delete copy.id;
    delete copy.holds;
    copy.imported = true;
  }
  return copy;
}

/**
 * Restores a video from a backup: its record, every row (checked with the writers' schemas) and, for
 * browsers without OPFS, its file, in one transaction — all of it or nothing.
 */
export async function restoreVideoRows(
  video: VideoRecord,
  rows: Partial<Record<BackupTable, unknown[]>>,
  fileBlob: Blob | null,
  database: BriDatabase = defaultDb,
): Promise<void> {
  validateRecord('videos', video);
  for (const [name, tableRows] of Object.entries(rows) as [BackupTable, unknown[]][]) {
    const withId = tableRows.map((row) => withoutOwnKey(name, row, video.id));
    if (name in ROW_SCHEMAS) await validateRows(name as RowTable, withId, database, video.duration);
    if (name in RECORD_SCHEMAS) withId.forEach((row) => validateRecord(name as RecordTable, row));
  }
  const tables = [
    database.videos,
    database.videoBlobs,
    ...BACKUP_TABLES.map((n) => database.table(n)),
  ];
  await database.transaction('rw', tables, async () => {
    await database.videos.add(video);
    if (fileBlob) await database.videoBlobs.put({ videoId: video.id, blob: fileBlob });
    for (const name of BACKUP_TABLES) {
      const tableRows = (rows[name] ?? []).map((row) => withoutOwnKey(name, row, video.id));
      if (tableRows.length > 0) await database.table(name).bulkAdd(tableRows);
    }
  });
}
