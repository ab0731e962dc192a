import { listStages, type StageRecord } from '../db';
import type { ToolContext } from './tool';

/** Per video, the state of its index: changes whenever any stage writes, finishes or is re-run. */
export interface IndexVersion {
  version: string;
  stages: StageRecord[];
}

/** The video's index version, read from its stage rows (one small indexed read). */
export async function indexVersion(videoId: string, { db }: ToolContext): Promise<IndexVersion> {
  const stages = await listStages(videoId, db);
  const version = stages
    .map((row) => `${row.stage}:${row.state}:${row.updatedAt}`)
    .sort()
    .join('|');
  return { version, stages };
}

/** How many prepared corpora stay in memory (a few per video: transcript, captions, frames…). */
const MAX_ENTRIES = 24;
const entries = new Map<string, { version: string; value: Promise<unknown> }>();

/**
 * What `compute` makes from a video's rows (a tokenised corpus, decoded vectors), kept in memory
 * until the video's index changes: repeated searches then skip re-reading and re-tokenising
 * thousands of rows. Least recently used entries go first.
 */
export function memoByVersion<T>(
  key: string,
  version: string,
  compute: () => Promise<T>,
): Promise<T> {
  const hit = entries.get(key);
  entries.delete(key);
  if (hit && hit.version === version) {
    entries.set(key, hit);
    return hit.value as Promise<T>;
  }
  const value = compute();
  entries.set(key, { version, value });
  value.catch(() => entries.delete(key));
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  return value;
}
