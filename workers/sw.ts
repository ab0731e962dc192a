/// <reference lib="webworker" />
import {
  addPlugins,
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';
import type { WorkboxPlugin } from 'workbox-core';
import { MODEL_FILE_CACHE } from '../src/shared/cache-names';
import { LAZY_ASSETS_LIST, planLazyRefresh } from '../src/shared/lazy-assets';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<string | { url: string; revision: string | null }>;
};

/**
 * BRI's service worker: the app shell for offline use, and cross-origin isolation on hosts that
 * can't send headers. Static hosts (GitHub Pages, a plain bucket) serve no COOP/COEP, so the page
 * would get no SharedArrayBuffer and onnxruntime one WASM thread; every same-origin response
 * this worker hands the page — the document, scripts, worker scripts, wasm — carries the headers
 * instead (the technique of coi-serviceworker). Cross-origin requests (the Hub, Groq) are left
 * to the browser: they are CORS fetches, which `require-corp` allows.
 */
const ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
} as const;

/** The response with the isolation headers added (an opaque or error response as it is). */
function isolated(response: Response): Response {
  if (response.type === 'opaque' || response.type === 'opaqueredirect' || response.status === 0)
    return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION))
    if (!headers.has(name)) headers.set(name, value);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

const addIsolation: WorkboxPlugin = {
  handlerWillRespond: ({ response }) => Promise.resolve(isolated(response)),
};

addPlugins([addIsolation]);
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// Every in-app address opens the app shell (the hash router takes it from there).
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html')));
// The app's other files (wasm, ffmpeg's core, the OCR models: never precached, kept by the model
// file cache) come from the network as before, with the headers added.
registerRoute(
  ({ url }) => url.origin === self.location.origin,
  new NetworkOnly({ plugins: [addIsolation] }),
);

/** The model file cache's URLs and the new build's heavy files (src/shared/lazy-assets.ts). */
async function lazyState(): Promise<{ cache: Cache; cached: string[]; built: string[] }> {
  const cache = await caches.open(MODEL_FILE_CACHE);
  const cached = (await cache.keys()).map((request) => request.url);
  const list = await fetch(new URL(LAZY_ASSETS_LIST, self.registration.scope), {
    cache: 'no-store',
  });
  const names = list.ok ? ((await list.json()) as string[]) : [];
  const built = names.map((name) => new URL(name, self.registration.scope).href);
  return { cache, cached, built };
}

// Installing (online: the update was just downloaded), the new build's heavy files of every kind
// this browser used are fetched into the model file cache, so analysis still works offline after
// the update. A failure here never stops the update: the files are then fetched on first use.
self.addEventListener('install', (event: ExtendableEvent) => {
  event.waitUntil(
    (async () => {
      const { cache, cached, built } = await lazyState();
      for (const url of planLazyRefresh(cached, built).fetch) {
        const response = await fetch(url);
        if (response.ok) await cache.put(url, response);
      }
    })().catch(() => undefined),
  );
});

// Once active (the old version gone), the old build's files of those kinds go.
self.addEventListener('activate', (event: ExtendableEvent) => {
  event.waitUntil(
    (async () => {
      const { cache, cached, built } = await lazyState();
      for (const url of planLazyRefresh(cached, built).drop) await cache.delete(url);
    })().catch(() => undefined),
  );
});

// A new version waits until the person accepts the update prompt (src/pwa/register-sw.ts).
self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
