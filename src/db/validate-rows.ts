import type { BriDatabase } from './schema';
import { ROW_SCHEMAS, type RowTable } from './row-schemas';
import { RECORD_SCHEMAS, type RecordTable } from './record-schemas';

/** A row failed its check before being written; nothing of that write was stored. */
export class InvalidRowError extends Error {
  override name = 'InvalidRowError';
}

/** Rounding slack at the end of a video (a last frame's timestamp, a resampled audio tail). */
const END_SLACK = 0.05;

const durations = new Map<string, number>();

async function durationOf(videoId: string, database: BriDatabase): Promise<number> {
  const key = `${database.name}|${videoId}`;
  let duration = durations.get(key);
  if (duration === undefined) {
    duration = (await database.videos.get(videoId))?.duration;
    // Only a stored video's duration is kept: one not stored yet may be (a backup restoring).
    if (duration !== undefined) durations.set(key, duration);
  }
  return duration ?? Infinity;
}

function latestTime(row: Record<string, unknown>): number {
  return Math.max(
    ...['t', 'end', 'start'].map((key) => (typeof row[key] === 'number' ? row[key] : 0)),
  );
}

/**
 * Checks rows for `table` before they are written: their shape and ranges (row-schemas.ts), and
 * that no time lies past the end of their video. Throws InvalidRowError naming the table, the
 * field and the rule broken.
 */
export async function validateRows(
  table: RowTable,
  rows: readonly object[],
  database: BriDatabase,
  /** The video's duration when it is not stored yet (a backup being restored). */
  knownDuration?: number,
): Promise<void> {
  const schema = ROW_SCHEMAS[table];
  for (const row of rows) {
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InvalidRowError(
        `A ${table} row was not saved: ${issue?.path.join('.') || 'row'} — ${issue?.message ?? 'invalid'}`,
      );
    }
    const { videoId } = row as { videoId: string };
    const duration = knownDuration ?? (await durationOf(videoId, database));
    const t = latestTime(row as Record<string, unknown>);
    if (t > duration + END_SLACK) {
      throw new InvalidRowError(
        `A ${table} row was not saved: ${t.toFixed(3)} s is past the end of the video (${duration.toFixed(3)} s)`,
      );
    }
  }
}

/**
 * Checks one of the library's own records (a video, poster, stage or chat turn) before it is
 * written, with the schema every writer and every backup restore uses. Throws InvalidRowError.
 */
export function validateRecord(table: RecordTable, row: unknown): void {
  const parsed = RECORD_SCHEMAS[table].safeParse(row);
  if (parsed.success) return;
  const issue = parsed.error.issues[0];
  throw new InvalidRowError(
    `A ${table} record was not saved: ${issue?.path.join('.') || 'record'} — ${issue?.message ?? 'invalid'}`,
  );
}
