/**
 * Tool latency for `npm run bench`: every tool called over a synthetic one-hour index (generated
 * straight into IndexedDB by `briTest.benchmarkSeedIndex`, test builds only), timed inside the page so the figures
 * are the tools' own, not Playwright's round trips. look_again decodes real frames and runs the
 * vision models, so it is timed on the real video instead.
 */

const CALLS = 100;
const QUERIES = ['bus station', 'people in the park', 'red tie', 'football coach', 'history'];
const LABELS = ['person', 'bus', 'vehicle', 'dog', 'people'];

/** Arguments for call `i` of each tool over a video of `duration` seconds. */
function argsFor(tool, i, videoId, duration) {
  // A new query each call: nothing is answered from a cache of earlier queries.
  const query = `${QUERIES[i % QUERIES.length]} ${i}`;
  const t = ((i * 97) % Math.floor(duration)) + 0.5;
  switch (tool) {
    case 'get_video_overview':
      return { video_id: videoId };
    case 'find_object':
      return { video_id: videoId, label: LABELS[i % LABELS.length] };
    case 'get_context_at':
    case 'get_frame':
      return { video_id: videoId, t };
    case 'search_on_screen_text':
      return { video_id: videoId, query: `chapter ${i}` };
    default:
      return { video_id: videoId, query, top_k: 5 };
  }
}

const TOOLS = [
  'get_video_overview',
  'search_transcript',
  'search_captions',
  'search_frames',
  'find_object',
  'search_on_screen_text',
  'get_context_at',
  'get_frame',
];

const p95 = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
};

/** Runs the calls in the page; resolves with per-tool p95 (ms) and look_again's median on `realId`. */
export async function benchTools(page, realId) {
  const seeded = Date.now();
  await page.waitForFunction(() => window.briTest !== undefined);
  const id = await page.evaluate(() => window.briTest.benchmarkSeedIndex(60));
  const seedSeconds = (Date.now() - seeded) / 1000;
  const counts = await page.evaluate(async (id) => {
    const index = await window.bri.getIndex(id);
    return {
      frames: index.frames.length,
      segments: index.transcript.length,
      detections: index.detections.reduce((n, d) => n + d.objects.length, 0),
      embeddings: index.embeddings.length,
    };
  }, id);
  const timings = {};
  for (const tool of TOOLS) {
    const calls = Array.from({ length: CALLS }, (_, i) => argsFor(tool, i, id, 3600));
    timings[tool] = await page.evaluate(
      async ([tool, calls]) => {
        const ms = [];
        // One warm-up call: the first loads the query model into its worker.
        const first = await window.bri.tools.execute(tool, calls[0]);
        if (!first.ok) throw new Error(`${tool}: ${first.error.message}`);
        for (const args of calls) {
          const started = performance.now();
          const outcome = await window.bri.tools.execute(tool, args);
          ms.push(performance.now() - started);
          if (!outcome.ok) throw new Error(`${tool}: ${outcome.error.message}`);
        }
        return ms;
      },
      [tool, calls],
    );
  }
  const look = [];
  for (const t of [30, 100, 200]) {
    const started = Date.now();
    const outcome = await page.evaluate(
      ([id, t]) => window.bri.tools.execute('look_again', { video_id: id, t }),
      [realId, t],
    );
    if (!outcome.ok) throw new Error(`look_again: ${outcome.error.message}`);
    look.push(Date.now() - started);
  }
  await page.evaluate((id) => window.bri.deleteVideo(id), id);
  const round = (n) => Math.round(n * 10) / 10;
  const perTool = Object.fromEntries(TOOLS.map((tool) => [tool, round(p95(timings[tool]))]));
  return {
    tool_p95_ms: perTool,
    tool_p95_max_ms: Math.max(...Object.values(perTool)),
    look_again_ms: round(look.sort((a, b) => a - b)[1]),
    synthetic_index: { ...counts, seed_s: round(seedSeconds) },
  };
}
