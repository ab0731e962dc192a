/**
 * The app's heavy files that are not precached (onnxruntime's and ffmpeg's wasm, the bundled ONNX
 * models and OCR files): the workers fetch them on first use into the model file cache. Each
 * build names them with a content hash, so after an update the cache holds the old names only and
 * analysis offline would fail until one online run. The build lists them (`lazy-assets.json`)
 * and the new service worker, while it installs, fetches the new file of every kind this browser
 * had cached, and drops the old ones once it is active (workers/sw.ts).
 */
export const LAZY_ASSETS_LIST = 'lazy-assets.json';

/** File names (under assets/) of the heavy files, as the build writes them. */
export const LAZY_ASSET = /ffmpeg-core|ort-wasm|onnx|ppocr/;

/** A built file's name without its content hash: "ort-wasm-simd-threaded-4byDm7i3.wasm" → "ort-wasm-simd-threaded.wasm". */
export function assetKind(url: string): string {
  const name = url.split('/').pop() ?? url;
  return name.replace(/-[A-Za-z0-9_-]{8}(?=\.[A-Za-z0-9]+$)/, '');
}

/**
 * What an update does to the model file cache: fetch the new build's file of every kind that is
 * cached under another name; drop cached files of those kinds that the new build doesn't have.
 * Files of kinds never cached (never used on this device) are left to be fetched on first use.
 */
export function planLazyRefresh(
  cached: readonly string[],
  built: readonly string[],
): { fetch: string[]; drop: string[] } {
  const builtSet = new Set(built);
  const lazyCached = cached.filter((url) => LAZY_ASSET.test(url) && /\/assets\//.test(url));
  const kinds = new Set(lazyCached.map(assetKind));
  return {
    fetch: built.filter((url) => kinds.has(assetKind(url)) && !cached.includes(url)),
    drop: lazyCached.filter(
      (url) => !builtSet.has(url) && built.some((b) => assetKind(b) === assetKind(url)),
    ),
  };
}
