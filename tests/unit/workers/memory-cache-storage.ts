/**
 * Cache Storage as the browser keeps it, in memory, for Node (which has fetch, Response and
 * streams but no `caches`). Like Chromium's, `put` reads the whole body before it resolves and
 * rejects, storing nothing, when the body fails.
 */
export class MemoryCache {
  readonly entries = new Map<string, { body: Uint8Array; headers: Headers }>();

  async put(key: string | Request, response: Response): Promise<void> {
    const body = new Uint8Array(await response.arrayBuffer());
    this.entries.set(keyOf(key), { body, headers: new Headers(response.headers) });
  }

  async match(key: string | Request): Promise<Response | undefined> {
    const entry = this.entries.get(keyOf(key));
    return entry && new Response(entry.body.slice(), { headers: entry.headers });
  }

  async delete(key: string | Request): Promise<boolean> {
    return this.entries.delete(keyOf(key));
  }
}

const keyOf = (key: string | Request) => (typeof key === 'string' ? key : key.url);

/** `caches` with named MemoryCaches. */
export function memoryCacheStorage(): { open: (name: string) => Promise<MemoryCache> } & {
  named: Map<string, MemoryCache>;
} {
  const named = new Map<string, MemoryCache>();
  return {
    named,
    open: async (name) => {
      if (!named.has(name)) named.set(name, new MemoryCache());
      return named.get(name) as MemoryCache;
    },
  };
}
