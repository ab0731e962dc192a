import { z } from 'zod';

/**
 * The exact weights each model loads on this device. A model spec names a revision (`main`): the
 * Hub moves it. On a model's first download BRI records the commit the Hub served that revision
 * from and each weight file's SHA-256 (from the Hub's model API, or the `bri-pin.json` that
 * `npm run models:fetch` writes beside self-hosted files); from then on this device asks for that
 * commit, lineage and the tool-result cache name it, and Settings shows it. "Update models"
 * forgets the pins on purpose: the next load moves to the newest and pins that.
 * (localStorage: a few hundred bytes, read synchronously when a model is resolved.)
 */
export interface ModelPin {
  /** The revision the spec asked for when the pin was made. */
  revision: string;
  /** The commit that revision was, 40 hex digits. */
  commit: string;
  /** SHA-256 of each weight file (LFS) at that commit, by its path in the repository. */
  files: Record<string, string>;
  pinnedAt: number;
}

const KEY = 'bri.modelPins';

const PIN = z.object({
  revision: z.string().max(200),
  commit: z.string().regex(/^[0-9a-f]{40}$/),
  files: z.record(z.string().max(500), z.string().regex(/^[0-9a-f]{64}$/)),
  pinnedAt: z.number(),
});
const PINS = z.record(z.string().max(2000), PIN);

/** Where a model's files come from and which model: one pin per source and id. */
export const pinKey = (model: { id: string; baseUrl: string | null }): string =>
  `${model.baseUrl ?? 'hub'}|${model.id}`;

interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The page's localStorage; none in a worker or in Node (nothing is pinned there). */
function storage(): KeyValueStore | null {
  return (globalThis as { localStorage?: KeyValueStore }).localStorage ?? null;
}

/** Every pin; an unreadable store counts as none (models are pinned again on their next load). */
export function readModelPins(): Record<string, ModelPin> {
  try {
    const parsed = PINS.safeParse(JSON.parse(storage()?.getItem(KEY) ?? '{}'));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** The pin of one model, if it was made for the revision its spec asks for now. */
export function pinOf(
  model: { id: string; baseUrl: string | null },
  revision: string,
): ModelPin | null {
  const pin = readModelPins()[pinKey(model)];
  return pin && pin.revision === revision ? pin : null;
}

export function writeModelPin(key: string, pin: ModelPin): void {
  const parsed = PIN.parse(pin);
  storage()?.setItem(KEY, JSON.stringify({ ...readModelPins(), [key]: parsed }));
}

/** "Update models": forgets every pin (or those of these keys). */
export function clearModelPins(keys?: readonly string[]): void {
  if (!keys) {
    storage()?.removeItem(KEY);
    return;
  }
  const pins = readModelPins();
  for (const key of keys) delete pins[key];
  storage()?.setItem(KEY, JSON.stringify(pins));
}
