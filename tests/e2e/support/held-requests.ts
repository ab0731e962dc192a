import type { BrowserContext, Route } from '@playwright/test';

/**
 * Holds every request matching `pattern` (a poor connection that never delivers) until
 * `release()`, which lets them all through; the test decides when, so nothing is timed.
 */
export async function holdRequests(
  context: BrowserContext,
  pattern: string,
): Promise<{ held: () => number; release: () => Promise<void> }> {
  const waiting: Route[] = [];
  let released = false;
  await context.route(pattern, async (route) => {
    if (released) await route.continue().catch(() => undefined);
    else waiting.push(route);
  });
  return {
    held: () => waiting.length,
    release: async () => {
      released = true;
      await Promise.all(waiting.splice(0).map((route) => route.continue().catch(() => undefined)));
      await context.unroute(pattern);
    },
  };
}
