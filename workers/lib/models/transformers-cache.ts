import { TRANSFORMERS_CACHE } from '../../../src/shared/cache-names';
import { streamIntoCache, type OnBytes } from './stream-into-cache';

/** Who hears of the bytes of files downloaded for a model being loaded, by the URL's folder. */
const listeners = new Map<string, (file: string, loaded: number, total: number | null) => void>();

/**
 * Reports the download of every file under `folder` (a URL prefix ending in `/`) to `onBytes`
 * until the returned function is called.
 */
export function reportDownloads(
  folder: string,
  onBytes: (file: string, loaded: number, total: number | null) => void,
): () => void {
  listeners.set(folder, onBytes);
  return () => {
    if (listeners.get(folder) === onBytes) listeners.delete(folder);
  };
}

function onBytesFor(url: string): OnBytes {
  for (const [folder, onBytes] of listeners)
    if (url.startsWith(folder))
      return (loaded, total) => onBytes(url.slice(folder.length), loaded, total);
  return () => {};
}

async function openCache(): Promise<Cache | null> {
  if (typeof caches === 'undefined') return null;
  try {
    return await caches.open(TRANSFORMERS_CACHE);
  } catch {
    return null; // Visible but refused (an opaque origin, some private modes).
  }
}

const keyUrl = (key: string | Request) => (typeof key === 'string' ? key : key.url);

/**
 * transformers.js' cache (`env.customCache`): the same Cache Storage cache it keeps itself, except
 * that a file it does not hold yet is fetched here and streamed into it (see streamIntoCache), so
 * transformers.js always reads a stored copy, once. Its own path reads the download into one
 * buffer and then puts a copy of that buffer. Anything this can't do — no cache, an error status,
 * a network failure, a full disk — answers "not cached", and transformers.js fetches the file
 * itself as before and reports what went wrong.
 */
export const transformersCache = {
  async match(key: string | Request): Promise<Response | undefined> {
    const cache = await openCache();
    const hit = await cache?.match(key);
    const url = keyUrl(key);
    if (hit || !cache || !/^https?:/.test(url)) return hit;
    try {
      const response = await fetch(url);
      if (response.status !== 200) return undefined;
      return await streamIntoCache(cache, url, response, onBytesFor(url));
    } catch (error) {
      console.warn(`Could not keep ${url} for offline use:`, error);
      return undefined;
    }
  },
  async put(key: string | Request, response: Response): Promise<void> {
    const cache = await openCache();
    await cache
      ?.put(key, response)
      .catch((error: unknown) =>
        console.warn(`Could not keep ${keyUrl(key)} for offline use:`, error),
      );
  },
};
