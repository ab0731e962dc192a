import { MODEL_FILE_CACHE } from '../../../src/shared/cache-names';
import { ModelLoadError } from './fetch-model';
import type { ModelProgress } from '../../../src/shared/model-progress';
import { streamIntoCache, type OnBytes } from './stream-into-cache';

/** Cache Storage is missing on insecure origins (plain http other than localhost). */
async function openFileCache(): Promise<Cache | null> {
  if (typeof caches === 'undefined') return null;
  try {
    return await caches.open(MODEL_FILE_CACHE);
  } catch {
    return null;
  }
}

/** A URL as the cache keys it: relative ones (the app's own assets) against this worker. */
const absolute = (url: string) => new URL(url, self.location.href);

function fileName(url: string): string {
  return absolute(url).pathname.split('/').pop() || url;
}

/** The file's response, or a ModelLoadError that says what to check. */
async function request(url: string, signal?: AbortSignal): Promise<Response> {
  const file = fileName(url);
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    const host = absolute(url).host;
    throw new ModelLoadError(
      `Could not download the model file “${file}” from ${host}. If you are offline or that host blocks browsers, host the models yourself (npm run models:fetch) and set the model base URL in Settings.`,
    );
  }
  if (!response.ok || !response.body)
    throw new ModelLoadError(
      `The model file “${file}” is missing at ${url} (HTTP ${response.status}). Check the model base URL and model id in Settings.`,
    );
  return response;
}

/** The whole body in memory (where there is no cache to stream it into). */
async function readAll(response: Response, onBytes: OnBytes): Promise<Uint8Array<ArrayBuffer>> {
  const total = Number(response.headers.get('content-length')) || null;
  const parts: Uint8Array[] = [];
  let loaded = 0;
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    loaded += value.byteLength;
    onBytes(loaded, total);
  }
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.byteLength;
  }
  return bytes;
}

/**
 * The bytes of a model or runtime file, from `MODEL_FILE_CACHE` when this browser has them, else
 * downloaded (with progress) straight into it and read back once, so the next load — offline
 * too — reads the disk. This cache is the file's only owner: the service worker does not cache
 * these files, and transformers.js' own cache holds only the files transformers.js fetches itself.
 */
export async function fetchCachedFile(
  url: string,
  onProgress: (progress: ModelProgress) => void = () => {},
  signal?: AbortSignal,
): Promise<Uint8Array<ArrayBuffer>> {
  const file = fileName(url);
  url = absolute(url).href;
  onProgress({ status: 'initiate', file });
  const onBytes: OnBytes = (loaded, total) =>
    onProgress({ status: 'progress', file, loaded, total });
  const cache = await openFileCache();
  let stored = await cache?.match(url);
  let response = stored ? null : await request(url, signal);
  if (cache && response) {
    try {
      stored = await streamIntoCache(cache, url, response, onBytes);
    } catch (error) {
      if (signal?.aborted) throw error;
      // A full disk (or a dropped connection) must not fail the model load: download it again
      // into memory, where it works this session (or the download says what went wrong).
      console.warn(`Could not keep ${file} for offline use:`, error);
      response = await request(url, signal);
    }
  }
  const bytes = stored
    ? new Uint8Array(await stored.arrayBuffer())
    : await readAll(response as Response, onBytes);
  onProgress({ status: 'done', file });
  return bytes;
}

/** A same-bytes `blob:` URL for a cached file, for loaders that only take a URL (ffmpeg.wasm). */
export async function cachedFileUrl(url: string, type: string): Promise<string> {
  const bytes = await fetchCachedFile(url);
  return URL.createObjectURL(new Blob([bytes], { type }));
}
