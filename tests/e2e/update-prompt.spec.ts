import { expect, test } from '@playwright/test';
import { resolve } from 'node:path';
import { openUntilIsolated, serveDist } from './support/dist-server';
import { LibraryPage } from './support/library-page';

test('a newly deployed version is offered, and accepting it reloads onto it', async ({ page }) => {
  const server = await serveDist(resolve(import.meta.dirname, '../../dist'));
  try {
    // After its first-visit reload the page is controlled, as a returning visitor's: a new worker
    // has to wait for consent.
    await openUntilIsolated(page, server.url);
    await expect(new LibraryPage(page).drop).toBeVisible();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    const firstWorker = await page.evaluate(
      async () => (await navigator.serviceWorker.ready).active?.scriptURL,
    );
    await expect(on(page).app.update).toHaveCount(0);

    server.deployNewVersion();
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const prompt = on(page).app.update;
    await expect(prompt).toContainText('A new version of BRI is ready.');

    await Promise.all([
      page.waitForEvent('load'),
      prompt.getByRole('button', { name: 'Reload' }).click(),
    ]);
    await expect(page.getByText('Ask. Understand. Remember.')).toBeVisible();
    const state = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return {
        waiting: registration?.waiting ?? null,
        controlled: navigator.serviceWorker.controller !== null,
      };
    });
    expect(state).toEqual({ waiting: null, controlled: true });
    expect(firstWorker).toMatch(/\/sw\.js$/);
    await expect(on(page).app.update).toHaveCount(0);
  } finally {
    await server.close();
  }
});

test('with two tabs open, both are told of the new version, and the one left behind is told to reload', async ({
  context,
}) => {
  const server = await serveDist(resolve(import.meta.dirname, '../../dist'));
  try {
    const first = await context.newPage();
    await openUntilIsolated(first, server.url);
    const second = await context.newPage();
    await second.goto(server.url);
    for (const page of [first, second]) {
      await expect(new LibraryPage(page).drop).toBeVisible();
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    }

    server.deployNewVersion();
    await first.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    for (const page of [first, second]) {
      await expect(on(page).app.update).toContainText('A new version of BRI is ready.');
    }

    await Promise.all([
      first.waitForEvent('load'),
      on(first).app.update.getByRole('button', { name: 'Reload' }).click(),
    ]);
    const behind = on(second).app.update;
    await expect(behind).toHaveAttribute('data-update', 'applied');
    await expect(behind).toContainText('BRI was updated in another tab');
    await Promise.all([
      second.waitForEvent('load'),
      behind.getByRole('button', { name: 'Reload' }).click(),
    ]);
    for (const page of [first, second]) {
      await expect(page.getByText('Ask. Understand. Remember.')).toBeVisible();
      await expect(on(page).app.update).toHaveCount(0);
    }
  } finally {
    await server.close();
  }
});

test('an update fetches the new build’s heavy files of the kinds this browser used, and drops the old', async ({
  page,
}) => {
  const server = await serveDist(resolve(import.meta.dirname, '../../dist'));
  try {
    await openUntilIsolated(page, server.url);
    // As the model workers leave it after an analysis: onnxruntime's wasm in the model file cache
    // (ffmpeg's core never used on this device).
    const used = await page.evaluate(async () => {
      const list = (await (await fetch('/lazy-assets.json')).json()) as string[];
      const wasm = list.find((name) => /ort-wasm-simd-threaded-[^.]+\.wasm$/.test(name)) ?? '';
      const url = new URL(wasm, location.href).href;
      await (await caches.open('bri-models')).put(url, await fetch(url));
      return url;
    });
    const cached = () =>
      page.evaluate(async () =>
        (await (await caches.open('bri-models')).keys()).map((r) => new URL(r.url).pathname).sort(),
      );

    server.deployNewVersion({ newAssetNames: true });
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const prompt = on(page).app.update;
    await expect(prompt).toContainText('A new version of BRI is ready.');
    // Installed: the new build's wasm of the kind used is in the cache beside the old one.
    expect(await cached()).toEqual(
      ['/assets/ort-wasm-simd-threaded-NEWHASH1.wasm', new URL(used).pathname].sort(),
    );
    await Promise.all([
      page.waitForEvent('load'),
      prompt.getByRole('button', { name: 'Reload' }).click(),
    ]);
    // Active: the old build's file of that kind is gone; nothing else was fetched.
    await expect.poll(cached).toEqual(['/assets/ort-wasm-simd-threaded-NEWHASH1.wasm']);
  } finally {
    await server.close();
  }
});
import { on } from './support/parts';
