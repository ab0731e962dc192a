/**
 * Deletes every cached response whose URL contains `fragment`, in every Cache Storage cache of
 * the origin (transformers.js' own and the service worker's model cache). A file that turned out
 * corrupt must not be served from cache again, or "Analyse again" could never succeed.
 */
export async function evictCachedFiles(fragment: string): Promise<number> {
  if (typeof caches === 'undefined') return 0;
  let evicted = 0;
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      if (request.url.includes(fragment) && (await cache.delete(request))) evicted++;
    }
  }
  return evicted;
}
