import { db as defaultDb } from './connection';
import type { BriDatabase, ToolResultRecord } from './schema';

/** The video id under which calls covering the whole library are cached. */
export const LIBRARY_SCOPE = '*';

/** A cached tool result, if one is stored for exactly this version of the data and models. */
export async function getToolResult(
  videoId: string,
  call: string,
  version: string,
  database: BriDatabase = defaultDb,
): Promise<unknown> {
  const row = await database.toolResults.get([videoId, call]);
  return row && row.version === version ? row.result : undefined;
}

/** Stores a tool result, replacing any older version of the same call. */
export function putToolResult(
  row: ToolResultRecord,
  database: BriDatabase = defaultDb,
): Promise<unknown> {
  return database.toolResults.put(row);
}

/**
 * Drops the cached results that covered a video (its own and the library-wide ones): called when
 * its index changes, so stale answers don't even wait for their version check.
 */
export async function clearToolResults(
  videoId: string,
  database: BriDatabase = defaultDb,
): Promise<void> {
  await database.toolResults.where('videoId').anyOf([videoId, LIBRARY_SCOPE]).delete();
}
