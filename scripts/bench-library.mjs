// `library_100h` in `npm run bench`'s JSON line: a library of 100 one-hour videos (synthetic rows,
// `briTest.benchmarkSeedLibrary`), in a Chromium of its own: the library-wide search's p95, the
// per-video tools' p95 on videos across the library, the library page's first paint after a
// reload, and IndexedDB's size per indexed hour. Timed inside the page; prints, asserts nothing.
import { openFreshChromium } from './lib/fresh-chromium.mjs';

const HOURS = 100;
const QUERIES = ['bus station', 'people in the park', 'red tie', 'football coach', 'history'];
const PER_VIDEO = ['search_transcript', 'search_captions', 'find_object', 'get_context_at'];

const p95 = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]);
};

export async function benchLibrary({ appUrl, chromiumArgs, modelBaseUrl, models }) {
  const { page, close } = await openFreshChromium('library', chromiumArgs);
  try {
    await page.goto(appUrl);
    await page.waitForFunction(() => window.briTest !== undefined);
    // The search tools embed queries: the fixture embedders from the bench's model server.
    await page.evaluate(
      ([modelBaseUrl, models]) =>
        window.bri.configure({ autoAnalyse: false, modelBaseUrl, models }),
      [modelBaseUrl, models],
    );
    const seeding = Date.now();
    const ids = await page.evaluate((hours) => window.briTest.benchmarkSeedLibrary(hours), HOURS);
    const seedSeconds = (Date.now() - seeding) / 1000;
    const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);

    // The library page after a reload (as a person opens BRI with the library in it, and as the
    // searches below then run: not in the page that wrote 100 hours of rows): first contentful
    // paint, and every card drawn.
    await page.reload();
    const paint = await page.evaluate(async (hours) => {
      while (document.querySelectorAll('[data-testid="library.card"]').length < hours)
        await new Promise((r) => requestAnimationFrame(r));
      const cards = performance.now();
      // The paint entry is queued a frame after the paint itself: read it once it is there.
      const fcp = await new Promise((resolve) => {
        const seen = performance.getEntriesByName('first-contentful-paint')[0];
        if (seen) resolve(seen.startTime);
        new PerformanceObserver((list) => resolve(list.getEntries()[0]?.startTime ?? null)).observe(
          {
            type: 'paint',
            buffered: true,
          },
        );
        setTimeout(() => resolve(null), 5000);
      });
      return { fcp, cards };
    }, HOURS);

    // The library-wide search, a new query each call; the first builds each video's search
    // corpus from IndexedDB, so it is reported on its own.
    const search = await page.evaluate(async (queries) => {
      const times = [];
      for (let i = 0; i < 21; i++) {
        const started = performance.now();
        await window.bri.tools.execute('search_library', {
          query: `${queries[i % queries.length]} ${i}`,
        });
        times.push(performance.now() - started);
      }
      return times;
    }, QUERIES);
    // The searches above ranked by meaning too (the query embedder loaded after the reload).
    const mode = await page.evaluate(async () => {
      const outcome = await window.bri.tools.execute('search_transcript', { query: 'a bus' });
      return outcome.ok ? outcome.result.mode : `failed: ${outcome.error?.message}`;
    });

    // Per-video tools on videos spread over the library (each video's first call is cold).
    const perVideo = await page.evaluate(
      async ({ ids, tools, queries }) => {
        const times = [];
        for (let i = 0; i < 60; i++) {
          const video_id = ids[(i * 37) % ids.length];
          const tool = tools[i % tools.length];
          const args =
            tool === 'find_object'
              ? { video_id, label: 'bus' }
              : tool === 'get_context_at'
                ? { video_id, t: (i * 97) % 3600 }
                : { video_id, query: `${queries[i % queries.length]} ${i}`, top_k: 5 };
          const started = performance.now();
          await window.bri.tools.execute(tool, args);
          times.push(performance.now() - started);
        }
        return times;
      },
      { ids, tools: PER_VIDEO, queries: QUERIES },
    );

    return {
      hours: HOURS,
      seed_s: Math.round(seedSeconds),
      search_first_ms: Math.round(search[0]),
      search_p95_ms: p95(search.slice(1)),
      search_mode: mode,
      per_video_tool_p95_ms: p95(perVideo),
      first_paint_ms: paint.fcp === null ? null : Math.round(paint.fcp),
      all_cards_ms: Math.round(paint.cards),
      idb_mb_per_hour: Math.round((usage / 1e6 / HOURS) * 10) / 10,
    };
  } finally {
    await close();
  }
}
