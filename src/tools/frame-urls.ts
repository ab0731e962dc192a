/**
 * Blob URLs for the frames `get_frame` hands out. Each `URL.createObjectURL` keeps its Blob alive
 * until revoked, and a chat can ask for frames without end: one URL per frame id, the most recent
 * MAX_URLS kept, the oldest revoked as new ones come (a URL that old is long off the screen).
 */
export const MAX_FRAME_URLS = 64;

export function frameUrlCache(
  max = MAX_FRAME_URLS,
  create: (blob: Blob) => string = (blob) => URL.createObjectURL(blob),
  revoke: (url: string) => void = (url) => URL.revokeObjectURL(url),
): (frameId: string, blob: Blob) => string {
  const urls = new Map<string, string>();
  return (frameId, blob) => {
    const known = urls.get(frameId);
    if (known !== undefined) {
      // Most recently used last: a Map keeps insertion order.
      urls.delete(frameId);
      urls.set(frameId, known);
      return known;
    }
    const url = create(blob);
    urls.set(frameId, url);
    for (const [oldest, old] of urls) {
      if (urls.size <= max) break;
      urls.delete(oldest);
      revoke(old);
    }
    return url;
  };
}
