import { test as base, type Page } from '@playwright/test';
import type { BriApi } from '../../src/automation/bri-contract';
import { ChatPage } from './support/chat-page';
import { LibraryPage } from './support/library-page';
import { mediaPath } from '../paths';
import { VideoPage } from './support/video-page';

export { expect } from '@playwright/test';

/** `window.bri`, called from the test: each method runs in the page and returns its result. */
export type BriHandle = {
  [
    Name in keyof BriApi as BriApi[Name] extends (...args: never[]) => unknown ? Name : never
  ]: BriApi[Name] extends (...args: infer Args) => infer Out
    ? (...args: Args) => Promise<Awaited<Out>>
    : never;
};

/** A typed handle on a page's `window.bri` (arguments and results must survive structured clone). */
export function briOf(page: Page): BriHandle {
  return new Proxy({} as BriHandle, {
    get:
      (_, name: string) =>
      (...args: unknown[]) =>
        page.evaluate(
          ([method, params]) =>
            (window.bri[method as keyof BriApi] as (...a: unknown[]) => unknown)(...params),
          [name, args] as const,
        ),
  });
}

/** The page objects every spec uses, as fixtures (tldraw's `test.extend`). */
export const test = base.extend<{
  library: LibraryPage;
  videoView: VideoPage;
  chat: ChatPage;
  bri: BriHandle;
}>({
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
