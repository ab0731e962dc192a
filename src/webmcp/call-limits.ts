/**
 * How often agents may call: an agent in a loop must not pin the CPU. `look_again` decodes and
 * runs three models per call, so it has its own, lower cap; every call counts towards the total.
 */
export const CALLS_PER_MINUTE = 60;
export const COSTLY_CALLS_PER_MINUTE: Readonly<Record<string, number>> = { look_again: 6 };

const MINUTE_MS = 60_000;

/** A sliding one-minute window of calls per tool; `admit` says whether one more may run now. */
export function callLimiter(now: () => number = () => Date.now()) {
  const calls: { tool: string; at: number }[] = [];
  return {
    /** Null when the call may run (and is counted), else why not and when to try again. */
    admit(tool: string): string | null {
      const at = now();
      while (calls.length && (calls[0]?.at ?? at) <= at - MINUTE_MS) calls.shift();
      const own = calls.filter((call) => call.tool === tool);
      const cap = COSTLY_CALLS_PER_MINUTE[tool];
      const [limit, counted] =
        cap !== undefined && own.length >= cap ? [cap, own] : [CALLS_PER_MINUTE, calls];
      if (counted.length >= limit) {
        const wait = Math.ceil(((counted[0]?.at ?? at) + MINUTE_MS - at) / 1000);
        const what = counted === own ? `${tool} calls` : 'calls to BRI’s tools';
        return `Too many calls: at most ${limit} ${what} a minute. Try again in ${wait} s.`;
      }
      calls.push({ tool, at });
      return null;
    },
  };
}
