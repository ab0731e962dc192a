import { test as base, type Page } from '@playwright/test';
import type { BriApi, BriTestHooks } from '../../src/automation/bri-contract';
import { ChatPage } from './support/chat-page';
import { LibraryPage } from './support/library-page';
import { mediaPath } from '../paths';
import { VideoPage } from './support/video-page';

import { expect } from '@playwright/test';

export { expect };

/** `window.bri`, called from the test: each method runs in the page and returns its result. */
export type BriHandle = {
  [
    Name in keyof BriApi as BriApi[Name] extends (...args: never[]) => unknown ? Name : never
  ]: BriApi[Name] extends (...args: infer Args) => infer Out
    ? (...args: Args) => Promise<Awaited<Out>>
    : never;
} & {
  /** `window.bri.tools`: the agent's tools, listed and run as an agent would. */
  tools: {
    list(): ReturnType<BriApi['tools']['list']>;
    execute(
      ...args: Parameters<BriApi['tools']['execute']>
    ): ReturnType<BriApi['tools']['execute']>;
  };
};

/** A typed handle on a page's `window.bri` (arguments and results must survive structured clone). */
export function briOf(page: Page): BriHandle {
  const tools: BriHandle['tools'] = {
    list: () => page.evaluate(() => window.bri.tools.list()),
    execute: (name, args) =>
      page.evaluate(([n, a]) => window.bri.tools.execute(n, a), [name, args] as const),
  };
  return new Proxy({} as BriHandle, {
    get: (_, name: string) =>
      name === 'tools'
        ? tools
        : (...args: unknown[]) =>
            page.evaluate(
              ([method, params]) =>
                (window.bri[method as keyof BriApi] as (...a: unknown[]) => unknown)(...params),
              [name, args] as const,
            ),
  });
}

/**
 * `window.briTest` (test and bench builds only), called from the test once the page installed it:
 * the bench fixtures a test may use, such as a long synthetic index.
 */
export function testHooksOf(page: Page): BriTestHooks {
  return {
    benchmarkSeedIndex: async (minutes) => {
      await page.waitForFunction(() => window.briTest !== undefined);
      return page.evaluate((m) => window.briTest!.benchmarkSeedIndex(m), minutes);
    },
    benchmarkSeedLibrary: async (hours) => {
      await page.waitForFunction(() => window.briTest !== undefined);
      return page.evaluate((h) => window.briTest!.benchmarkSeedLibrary(h), hours);
    },
    benchmarkNaiveFrames: async (videoId) => {
      await page.waitForFunction(() => window.briTest !== undefined);
      return page.evaluate((id) => window.briTest!.benchmarkNaiveFrames(id), videoId);
    },
  };
}

declare global {
  interface Window {
    /** Content-Security-Policy violations the page reported, as "directive blocked-uri". */
    __cspViolations?: string[];
  }
}

/** What the page's Content-Security-Policy blocked so far (and forgets them). */
export function takeCspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__cspViolations?.splice(0) ?? []);
}

/** The page objects every spec uses, as fixtures (tldraw's `test.extend`). */
export const test = base.extend<{
  library: LibraryPage;
  videoView: VideoPage;
  chat: ChatPage;
  bri: BriHandle;
}>({
  // Every test runs under the built app's CSP, and fails if the app itself trips it.
  page: async ({ page }, provide) => {
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        window.__cspViolations?.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    await provide(page);
    const violations = await takeCspViolations(page).catch(() => []);
    expect(violations, 'Content-Security-Policy violations').toEqual([]);
  },
  library: async ({ page }, provide) => provide(new LibraryPage(page)),
  videoView: async ({ page }, provide) => provide(new VideoPage(page)),
  chat: async ({ page }, provide) => provide(new ChatPage(page)),
  bri: async ({ page }, provide) => provide(briOf(page)),
});

/** Picks a file of ../shared/media and returns the id of the video it became. */
export async function addVideo(library: LibraryPage, name: string): Promise<string> {
  await library.pick(mediaPath(name));
  return library.videoId(name);
}
