import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { browserPidFor, rendererMemory } from '../../../scripts/lib/renderer-memory';

/**
 * A Chromium of the test's own, launched locally with a fresh profile, so its processes are
 * known (renderer memory is read from /proc) and files are handed over by path, not uploaded.
 */
export async function withOwnBrowser<T>(
  baseURL: string | undefined,
  run: (context: BrowserContext, measureRenderers: (rescan?: boolean) => number) => Promise<T>,
): Promise<T> {
  const profile = mkdtempSync(join(tmpdir(), 'bri-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    baseURL,
  });
  try {
    return await run(context, rendererMemory(browserPidFor(profile)));
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
