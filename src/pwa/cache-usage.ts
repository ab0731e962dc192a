import { APP_SHELL_CACHE_PREFIX } from '../shared/cache-names';

/** One Cache Storage cache of the origin and what it holds. */
export interface CacheUsage {
  name: string;
  files: number;
  bytes: number;
  /** The app shell (Workbox precache): needed to open offline, never offered for deletion. */
  appShell: boolean;
}

const isAppShell = (name: string) => name.startsWith(APP_SHELL_CACHE_PREFIX);

async function sizeOf(response: Response | undefined): Promise<number> {
  if (!response) return 0;
  const header = Number(response.headers.get('content-length'));
  // Opaque or chunked responses carry no length; a cached body's Blob is disk-backed, so this
  // reads its size without loading it.
  return Number.isFinite(header) && header > 0 ? header : (await response.blob()).size;
}

/**
 * What the origin's caches hold: downloaded models and runtimes (transformers.js' cache, the
 * service worker's), and the app shell.
 */
export async function readCacheUsage(): Promise<CacheUsage[]> {
  if (typeof caches === 'undefined') return [];
  const usage: CacheUsage[] = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    let bytes = 0;
    const requests = await cache.keys();
    for (const request of requests) bytes += await sizeOf(await cache.match(request));
    usage.push({ name, files: requests.length, bytes, appShell: isAppShell(name) });
  }
  return usage;
}

/** Deletes the downloaded models and runtimes (they download again when next needed). */
export async function clearModelCaches(): Promise<number> {
  if (typeof caches === 'undefined') return 0;
  const names = (await caches.keys()).filter((name) => !isAppShell(name));
  await Promise.all(names.map((name) => caches.delete(name)));
  return names.length;
}
