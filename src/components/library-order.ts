import type { VideoRecord } from '../shared/video-types';

/** How the library grid can be ordered. */
export type LibraryOrder = 'newest' | 'oldest' | 'name' | 'longest';

export const ORDER_LABELS: Record<LibraryOrder, string> = {
  newest: 'Newest first',
  oldest: 'Oldest first',
  name: 'Name',
  longest: 'Longest first',
};

const COMPARE: Record<LibraryOrder, (a: VideoRecord, b: VideoRecord) => number> = {
  newest: (a, b) => b.createdAt - a.createdAt,
  oldest: (a, b) => a.createdAt - b.createdAt,
  name: (a, b) => a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' }),
  longest: (a, b) => b.duration - a.duration,
};

/** The videos whose name contains `filter` (any case), in the chosen order. */
export function arrangeLibrary(
  videos: readonly VideoRecord[],
  filter: string,
  order: LibraryOrder,
): VideoRecord[] {
  const needle = filter.trim().toLowerCase();
  return videos.filter((v) => v.name.toLowerCase().includes(needle)).sort(COMPARE[order]);
}
