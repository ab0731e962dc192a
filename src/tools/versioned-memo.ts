import type { VideoRecord } from '../db';
import type { StageName, StageRecord } from '../db';
import { readOnce } from './call-reads';
import type { ToolContext } from './tool';

/** Per video, the state of its index: changes whenever any stage writes, finishes or is re-run. */
export interface IndexVersion {
  version: string;
  stages: StageRecord[];
}

const versionOf = (stages: StageRecord[]): IndexVersion => ({
  version: stages
    .map((row) => `${row.stage}:${row.state}:${row.updatedAt}`)
    .sort()
    .join('|'),
  stages,
});

/** A video without stage rows: nothing done, nothing written. */
const NO_VERSION: IndexVersion = versionOf([]);

/** The index versions of `videos`, in their order: one indexed read for all of them. */
export async function indexVersions(
  videos: Pick<VideoRecord, 'id'>[],
  context: ToolContext,
): Promise<IndexVersion[]> {
  const ids = videos.map((video) => video.id);
  return readOnce(context, `versions ${ids.join(' ')}`, () => readVersions(ids, context));
}

async function readVersions(ids: string[], { db }: ToolContext): Promise<IndexVersion[]> {
  // Several videos are the whole library (a scope is one video or all): read every row at once,
  // which IndexedDB answers faster than a cursor hopping between the videos' keys.
  const rows =
    ids.length === 1
      ? await db.stages
          .where('videoId')
          .equals(ids[0] as string)
          .toArray()
      : await db.stages.toArray();
  const byVideo = new Map<string, StageRecord[]>();
  for (const row of rows) {
    const list = byVideo.get(row.videoId);
    if (list) list.push(row);
    else byVideo.set(row.videoId, [row]);
  }
  return ids.map((id) => {
    const stages = byVideo.get(id);
    return stages ? versionOf(stages) : NO_VERSION;
  });
}

/** Whether `stage` is done in this index version (what search results can rely on). */
export const stageDone = ({ stages }: IndexVersion, stage: StageName): boolean =>
  stages.some((row) => row.stage === stage && row.state === 'done');

/** Each of `videos` with its index version (`indexVersions`), for tools that go video by video. */
export async function withVersions<Video extends Pick<VideoRecord, 'id'>>(
  videos: Video[],
  context: ToolContext,
): Promise<[Video, IndexVersion][]> {
  const versions = await indexVersions(videos, context);
  return videos.map((video, i) => [video, versions[i] ?? NO_VERSION]);
}

/** What an entry costs when its `compute` gives no size: a few small arrays. */
const DEFAULT_BYTES = 64 * 1024;

/**
 * Memory the prepared corpora may take, per device: a thirty-second of its memory (from
 * `navigator.deviceMemory`, which says at most 8 GB), so 256 MB where 8 GB or more — a 100-hour
 * library's transcripts and captions with their vectors — and 64 MB on a 2 GB phone.
 */
function budgetBytes(): number {
  const gigabytes = (globalThis.navigator as { deviceMemory?: number } | undefined)?.deviceMemory;
  return ((gigabytes ?? 8) * 1024 ** 3) / 32;
}

interface Entry {
  version: string;
  value: Promise<unknown>;
  bytes: number;
}
const entries = new Map<string, Entry>();
let used = 0;

function forget(key: string): void {
  const entry = entries.get(key);
  if (!entry) return;
  used -= entry.bytes;
  entries.delete(key);
}

/**
 * What `compute` makes from a video's rows (a tokenised corpus, decoded vectors), kept in memory
 * until the video's index changes: repeated searches then skip re-reading and re-indexing
 * thousands of rows. Entries are weighed (`sizeOf`) and the least recently used go first once the
 * device's budget is spent.
 */
export function memoByVersion<T>(
  key: string,
  version: string,
  compute: () => Promise<T>,
  sizeOf?: (value: T) => number,
): Promise<T> {
  const hit = entries.get(key);
  if (hit && hit.version === version) {
    entries.delete(key);
    entries.set(key, hit); // Most recently used last.
    return hit.value as Promise<T>;
  }
  forget(key);
  const value = compute();
  const entry: Entry = { version, value, bytes: DEFAULT_BYTES };
  entries.set(key, entry);
  used += entry.bytes;
  value.then(
    (result) => {
      if (entries.get(key) !== entry) return;
      const bytes = sizeOf ? sizeOf(result) : DEFAULT_BYTES;
      used += bytes - entry.bytes;
      entry.bytes = bytes;
      const budget = budgetBytes();
      for (const oldest of entries.keys()) {
        if (used <= budget || oldest === key) break;
        forget(oldest);
      }
    },
    () => {
      if (entries.get(key) === entry) forget(key);
    },
  );
  return value;
}
