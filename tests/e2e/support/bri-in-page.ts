import type { Page } from '@playwright/test';
import type { BriApi, StageName } from '../../../src/automation/bri-contract';

/**
 * `window.bri` calls whose arguments or results can't cross into the test as they are (Blobs,
 * errors with their names, calls not awaited), run in the page and brought back as plain values.
 */

/** Waits until the page has installed `window.bri` (after a goto or a reload). */
export async function waitForBri(page: Page): Promise<void> {
  await page.waitForFunction(() => typeof window.bri?.status === 'function');
}

/** How a `window.bri` call ended: null when it resolved, else the error's name and message. */
export type Refusal = { name: string; message: string } | null;

type Methods = {
  [
    Name in keyof BriApi as BriApi[Name] extends (...args: never[]) => unknown ? Name : never
  ]: BriApi[Name];
};

/**
 * A handle whose methods call `window.bri` and resolve with how the call ended: `null` if it
 * resolved, else `{ name, message }` of the error it rejected with (the name the API documents).
 */
export function refusalOf(page: Page): {
  [Name in keyof Methods]: (...args: Parameters<Methods[Name]>) => Promise<Refusal>;
} {
  return new Proxy({} as never, {
    get:
      (_, name: string) =>
      (...args: unknown[]) =>
        page.evaluate(
          ([method, params]) =>
            Promise.resolve(
              (window.bri[method as 'status'] as (...a: unknown[]) => Promise<unknown>)(...params),
            ).then(
              () => null,
              (error: Error) => ({ name: error.name, message: error.message }),
            ),
          [name, args] as const,
        ),
  });
}

/** Starts (re-)analysing a video without waiting for it: the test watches it run. */
export async function startAnalysis(page: Page, videoId: string, stages?: StageName[]) {
  await page.evaluate(
    ([id, only]) => void window.bri.analyse(id, only ? { stages: only } : undefined),
    [videoId, stages] as const,
  );
}

/** Queues each video's frames stage at once, puts `focused` first, and returns the finishing order. */
export function framesFinishingOrder(page: Page, ids: string[], focused: string) {
  return page.evaluate(
    async ([all, first]) => {
      const order: string[] = [];
      const runs = all.map((id) =>
        window.bri.analyse(id, { stages: ['frames'] }).then(() => order.push(id)),
      );
      // The first is already running; the focused one is the one on screen now.
      window.bri.focusVideo(first);
      await Promise.all(runs);
      return order;
    },
    [ids, focused] as const,
  );
}

/** A text export (subtitles, notes, chapters, slides) of a video, as text. */
export function exportText(
  page: Page,
  videoId: string,
  format: Parameters<BriApi['export']>[1],
  options: { language?: string } = {},
): Promise<string> {
  return page.evaluate(async ([id, as, extra]) => (await window.bri.export(id, as, extra)).text(), [
    videoId,
    format,
    options,
  ] as const);
}

/** `bri.frameAt`: the frame's time, size, image type and byte count. */
export function frameInfo(page: Page, videoId: string, t: number) {
  return page.evaluate(
    async ([id, at]) => {
      const f = await window.bri.frameAt(id, at);
      return { t: f.t, width: f.width, height: f.height, type: f.blob.type, size: f.blob.size };
    },
    [videoId, t] as const,
  );
}

/** `bri.exportHighlights`: what each part holds, and the joined clip's bytes. */
export async function highlightsOf(
  page: Page,
  videoId: string,
  ranges: { start: number; end: number }[],
) {
  const made = await page.evaluate(
    async ([id, asked]) => {
      const { blob, parts } = await window.bri.exportHighlights(id, asked);
      return { parts, bytes: Array.from(new Uint8Array(await blob.arrayBuffer())) };
    },
    [videoId, ranges] as const,
  );
  return { parts: made.parts, bytes: Uint8Array.from(made.bytes) };
}

/** `bri.exportHighlights` of a long file: the clip's size and the seconds its parts hold. */
export function highlightsSize(
  page: Page,
  videoId: string,
  ranges: { start: number; end: number }[],
) {
  return page.evaluate(
    async ([id, asked]) => {
      const { blob, parts } = await window.bri.exportHighlights(id, asked);
      return { size: blob.size, held: parts.reduce((s, p) => s + p.end - p.start, 0) };
    },
    [videoId, ranges] as const,
  );
}

/** `bri.exportClip`, keeping only the clip's size (the bytes stay in the page). */
export function clipSize(page: Page, videoId: string, start: number, end: number) {
  return page.evaluate(
    ([id, from, to]) => window.bri.exportClip(id, from, to).then((b) => b.size),
    [videoId, start, end] as const,
  );
}

/**
 * `bri.importVideo` of a file made in the page — from text parts, or fetched from a URL of the
 * app — resolving with how it ended.
 */
export function importMadeFile(
  page: Page,
  name: string,
  from: { text: string[] } | { url: string },
): Promise<Refusal> {
  return page.evaluate(
    async ([fileName, source]) => {
      const blob = 'url' in source ? await (await fetch(source.url)).blob() : new Blob(source.text);
      return window.bri.importVideo(blob, fileName).then(
        () => null,
        (error: Error) => ({ name: error.name, message: error.message }),
      );
    },
    [name, from] as const,
  );
}

/** `bri.version`. */
export function briVersion(page: Page): Promise<string> {
  return page.evaluate(() => window.bri.version);
}

/** Both of a query's search vectors (`bri.embedQuery` in the sentence space and CLIP's). */
export function embedBoth(page: Page, query: string) {
  return page.evaluate(
    async (q) => ({
      text: await window.bri.embedQuery(q, 'text'),
      image: await window.bri.embedQuery(q, 'image'),
    }),
    query,
  );
}

/** `bri.exportBackup`: the `.bri` archive's bytes. */
export async function backupBytes(page: Page, videoIds?: string[]): Promise<Buffer> {
  const base64 = await page.evaluate(async (ids) => {
    const view = new Uint8Array(await (await window.bri.exportBackup(ids)).arrayBuffer());
    let binary = '';
    for (let i = 0; i < view.length; i += 0x8000)
      binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
    return btoa(binary);
  }, videoIds);
  return Buffer.from(base64, 'base64');
}
