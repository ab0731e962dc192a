import { expect, takeCspViolations, test } from './fixtures';
import { waitForBri } from './support/bri-in-page';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** Tries a connection from the page; resolves once the browser has refused or failed it. */
function tryFetch(page: Page, url: string): Promise<void> {
  return page.evaluate(
    (target) =>
      fetch(target).then(
        () => undefined,
        () => undefined,
      ),
    url,
  );
}

test('the built page carries a strict CSP and narrows connections to the configured hosts', async ({
  page,
  library,
  bri,
}) => {
  const html = readFileSync('dist/index.html', 'utf8');
  const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
  for (const directive of [
    "script-src 'self' 'wasm-unsafe-eval'",
    "object-src 'none'",
    "base-uri 'none'",
    "default-src 'self'",
  ]) {
    expect(policy).toContain(directive);
  }

  await library.open({ autoAnalyse: false });

  await test.step('eval and injected script are refused', async () => {
    // (page.evaluate itself runs with DevTools' privileges, so eval is tried from page script.)
    const ran = await page.evaluate(async () => {
      const inline = document.createElement('script');
      inline.textContent = 'window.__injectedRan = true; window.__evalRan = eval("true");';
      // An inline script runs as it is inserted, if it runs at all.
      document.head.append(inline);
      const flags = window as unknown as { __injectedRan?: boolean };
      return flags.__injectedRan ?? false;
    });
    expect(ran).toBe(false);
    // The violation is reported as an event after the refusal.
    await expect.poll(() => page.evaluate(() => window.__cspViolations?.length)).toBe(1);
    expect((await takeCspViolations(page)).map((v) => v.split(' ')[0])).toEqual([
      'script-src-elem',
    ]);
  });

  await test.step('clear text and unknown hosts are blocked; the Hub and loopback are not', async () => {
    await tryFetch(page, 'http://evil.example/steal');
    await tryFetch(page, 'https://evil.example/steal');
    await tryFetch(page, 'https://huggingface.co/api/models');
    await tryFetch(page, 'http://127.0.0.1:9/openai/v1/models');
    // Clear text breaks both policies (index.html's and the narrowed one): each reports it.
    expect(new Set(await takeCspViolations(page))).toEqual(
      new Set(['connect-src http://evil.example/steal', 'connect-src https://evil.example/steal']),
    );
  });

  await test.step('a Groq host configured later is allowed after a reload, others still not', async () => {
    await bri.configure({ groqBaseUrl: 'https://groq-proxy.example' });
    // Policies only narrow: until the page reloads, the policy it started with applies.
    await tryFetch(page, 'https://groq-proxy.example/openai/v1/models');
    expect(await takeCspViolations(page)).toEqual([
      'connect-src https://groq-proxy.example/openai/v1/models',
    ]);
    await page.reload();
    await waitForBri(page);
    await tryFetch(page, 'https://groq-proxy.example/openai/v1/models');
    await tryFetch(page, 'https://evil.example/steal');
    expect(await takeCspViolations(page)).toEqual(['connect-src https://evil.example/steal']);
  });
});
