import { z } from 'zod';
import type { BackendRace } from './backend-race';

/**
 * What this browser measured about its backends, per model (localStorage: a few hundred bytes,
 * read synchronously when a model is resolved). `round`: how often the person asked to measure
 * again (Settings); after the first time races include a software WebGPU adapter too, which
 * "auto" otherwise leaves out, and a worker that still holds a model loads it afresh.
 */
export interface BackendMemory {
  round: number;
  races: Record<string, BackendRace>;
}

const KEY = 'bri.backends';

const timing = z.object({
  device: z.enum(['webgpu', 'wasm']),
  loadMs: z.number().nonnegative(),
  runMs: z.number().nonnegative().nullable(),
  error: z.string().max(500).optional(),
});
const race = z.object({
  key: z.string().max(2000),
  model: z.string().max(500),
  adapter: z.string().max(500),
  threads: z.number().int().positive(),
  winner: z.enum(['webgpu', 'wasm']),
  timings: z.array(timing).max(2),
  at: z.number(),
});
const memory = z.object({
  round: z.number().int().nonnegative(),
  races: z.record(z.string(), race),
});

const EMPTY: BackendMemory = { round: 0, races: {} };

interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The page's localStorage; none in a worker or in Node (nothing is remembered there). */
function storage(): KeyValueStore | null {
  return (globalThis as { localStorage?: KeyValueStore }).localStorage ?? null;
}

/** The remembered races; anything unreadable counts as nothing measured (it is measured again). */
export function readBackendMemory(): BackendMemory {
  try {
    const parsed = memory.safeParse(JSON.parse(storage()?.getItem(KEY) ?? 'null'));
    return parsed.success ? parsed.data : { ...EMPTY, races: {} };
  } catch {
    return { ...EMPTY, races: {} };
  }
}

function write(next: BackendMemory): void {
  storage()?.setItem(KEY, JSON.stringify(next));
}

/** Keeps a model's race (the newest for its source replaces the older). */
export function rememberRace(result: BackendRace): void {
  const parsed = race.safeParse(result);
  if (!parsed.success) return;
  const current = readBackendMemory();
  write({ ...current, races: { ...current.races, [result.key]: parsed.data } });
}

/**
 * Forgets every race: each model is measured again on its next use, on every adapter the browser
 * offers, a software one included (Settings → Measure again).
 */
export function measureAgain(): void {
  write({ round: readBackendMemory().round + 1, races: {} });
}
