// A Chromium of its own for one bench: a fresh profile under the temp folder (so its renderer's
// processes can be found by profile, lib/renderer-memory.ts), its first page, and `close()`,
// which ends the browser and removes the profile.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export async function openFreshChromium(name, chromiumArgs) {
  const profile = mkdtempSync(join(tmpdir(), `bri-bench-${name}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    profile,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
