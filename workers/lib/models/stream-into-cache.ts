/** Bytes so far, and the whole file's size where the server said it. */
export type OnBytes = (loaded: number, total: number | null) => void;

/**
 * The headers a stored copy keeps. The body is stored decoded (fetch undoes any Content-Encoding),
 * so an encoded length would be wrong: it goes, with the encoding, and the length of what was
 * stored is then only known once it is read.
 */
function storedHeaders(response: Response): Headers {
  const headers = new Headers(response.headers);
  if (headers.has('content-encoding')) {
    headers.delete('content-encoding');
    headers.delete('content-length');
  }
  return headers;
}

/**
 * Streams `response`'s body into `cache` under `url` — to disk chunk by chunk, never whole in this
 * worker's memory — reporting the bytes as they arrive, and returns the stored copy to read once.
 * A model read while downloading and then put as `new Response(bytes)` sat here three times over
 * (the chunks, the joined bytes, the copy Cache.put takes) until the next garbage collection:
 * about 700 MB for the real-size captioner, in the same worker that was about to run it. Rejects
 * when the body fails (network, cancel) or the cache refuses it (a full disk); the body is spent
 * then.
 */
export async function streamIntoCache(
  cache: Cache,
  url: string,
  response: Response,
  onBytes: OnBytes,
): Promise<Response> {
  if (!response.body) throw new TypeError(`${url} answered without a body`);
  const headers = storedHeaders(response);
  const total = Number(headers.get('content-length')) || null;
  let loaded = 0;
  const counted = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        loaded += chunk.byteLength;
        onBytes(loaded, total);
        controller.enqueue(chunk);
      },
    }),
  );
  await cache.put(url, new Response(counted, { headers }));
  // A server that closes early without an error would leave a truncated model behind.
  if (total !== null && loaded !== total) {
    await cache.delete(url);
    throw new TypeError(`${url} ended after ${loaded} of ${total} bytes`);
  }
  const stored = await cache.match(url);
  if (!stored) throw new Error(`${url} was stored but cannot be read back`);
  return stored;
}
