import { expect, type Page } from '@playwright/test';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

/** What a new build's heavy files are called in a deployed version: the same bytes, new hashes. */
const NEW_HASH = 'NEWHASH1';
const renamed = (name: string) =>
  name.replace(/-[A-Za-z0-9_-]{8}(?=\.[A-Za-z0-9]+$)/, `-${NEW_HASH}`);

/**
 * Serves the production build, with a switch that makes `sw.js` look like a newly deployed
 * version (its bytes change), so a test can watch the app's real update flow. With
 * `newAssetNames`, that version's heavy files (lazy-assets.json) have new hashes, as a real new
 * build's would: served from the same files.
 */
export async function serveDist(root: string): Promise<{
  url: string;
  deployNewVersion: (options?: { newAssetNames?: boolean }) => void;
  close: () => Promise<void>;
}> {
  let version = 0;
  let newAssetNames = false;
  const lazy = JSON.parse(readFileSync(join(root, 'lazy-assets.json'), 'utf8')) as string[];
  const original = new Map(lazy.map((name) => [`/${renamed(name)}`, `/${name}`]));
  const server: Server = createServer((request, response) => {
    let pathname = new URL(request.url ?? '/', 'http://x').pathname;
    if (newAssetNames && pathname === '/lazy-assets.json') {
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify(lazy.map(renamed)));
      return;
    }
    if (newAssetNames) pathname = original.get(pathname) ?? pathname;
    const file = normalize(join(root, pathname === '/' ? 'index.html' : pathname));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    response.setHeader('Cache-Control', 'no-cache');
    if (pathname === '/sw.js' && version > 0) {
      response.write(`// deployed version ${version}\n`);
    }
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://localhost:${port}`,
    deployNewVersion: (options = {}) => {
      version++;
      newAssetNames = options.newAssetNames ?? false;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Opens the app on this header-less host and waits out its first-visit reload: once BRI's service
 * worker is active the page reloads itself to become cross-origin isolated (src/pwa/register-sw.ts),
 * and is then controlled by the worker, as a returning visitor's page is.
 */
export async function openUntilIsolated(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect
    .poll(
      () =>
        page
          .evaluate(() => self.crossOriginIsolated && navigator.serviceWorker.controller !== null)
          .catch(() => false),
      { timeout: 30_000 },
    )
    .toBe(true);
}
