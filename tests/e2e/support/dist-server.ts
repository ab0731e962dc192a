import { expect, type Page } from '@playwright/test';
import { createReadStream, existsSync, statSync } from 'node:fs';
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

/**
 * Serves the production build, with a switch that makes `sw.js` look like a newly deployed
 * version (its bytes change), so a test can watch the app's real update flow.
 */
export async function serveDist(
  root: string,
): Promise<{ url: string; deployNewVersion: () => void; close: () => Promise<void> }> {
  let version = 0;
  const server: Server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://x').pathname;
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
    deployNewVersion: () => void version++,
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
