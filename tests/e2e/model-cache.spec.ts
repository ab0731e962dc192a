import { expect, test } from './fixtures';

test('a model downloads once: after a reload it loads from the browser’s cache', async ({
  page,
  library,
  bri,
}) => {
  await library.open({ autoAnalyse: false });
  const fetched: string[] = [];
  page.context().on('request', (request) => {
    if (request.url().includes('/all-MiniLM-L6-v2-random/')) fetched.push(request.url());
  });
  await bri.embedQuery('a bus', 'text');
  expect(fetched.some((url) => url.endsWith('.onnx'))).toBe(true);
  // Streamed into the cache and read back from it: each file is asked for once, not again.
  expect(fetched.length).toBe(new Set(fetched).size);

  fetched.length = 0;
  await page.reload();
  await library.open({ autoAnalyse: false });
  const again = await bri.embedQuery('a bus', 'text');
  expect(again.vector.length).toBeGreaterThan(0);
  expect(fetched).toEqual([]);
});
