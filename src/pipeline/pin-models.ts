import { resolveModel } from '../../models';
import { logEvent } from '../diagnostics/session-log';
import { errorMessage } from '../shared/error-message';
import { TRANSFORMERS_CACHE } from '../shared/cache-names';
import { clearModelPins, pinKey, writeModelPin, type ModelPin } from '../shared/model-pins';
import type { ModelRole, ResolvedModel } from '../shared/model-spec';
import type { Settings } from '../settings/settings';
import type { StageName } from '../shared/stages';

/** The Hugging Face Hub, where transformers.js models come from without a model base URL. */
export const HUB_URL = 'https://huggingface.co';

/** The roles analysis loads through transformers.js (the local chat model pins when it loads). */
const ANALYSIS_ROLES: readonly ModelRole[] = [
  'asr',
  'caption',
  'textEmbed',
  'imageEmbed',
  'speakerSegment',
  'speakerEmbed',
];

/** What pinning reads: the network and the cache of files already downloaded. */
export interface PinDeps {
  hub: string;
  fetch: typeof fetch;
  /** URLs in transformers.js' cache (files downloaded before pins existed stay as they are). */
  cachedUrls: () => Promise<string[]>;
}

const APP_DEPS: PinDeps = {
  hub: HUB_URL,
  fetch: (...args) => fetch(...args),
  cachedUrls: async () => {
    if (typeof caches === 'undefined') return [];
    const cache = await caches.open(TRANSFORMERS_CACHE);
    return (await cache.keys()).map((request) => request.url);
  },
};

interface Listing {
  sha?: unknown;
  commit?: unknown;
  siblings?: { rfilename?: unknown; lfs?: { sha256?: unknown } }[];
  files?: Record<string, unknown>;
}

/** The pin a listing describes: the Hub's model API answer, or a self-hosted bri-pin.json. */
function pinFrom(listing: Listing, revision: string): ModelPin {
  const commit = String(listing.commit ?? listing.sha ?? '');
  const files: Record<string, string> = {};
  for (const sibling of listing.siblings ?? [])
    if (typeof sibling.rfilename === 'string' && typeof sibling.lfs?.sha256 === 'string')
      files[sibling.rfilename] = sibling.lfs.sha256;
  for (const [path, sha] of Object.entries(listing.files ?? {}))
    if (typeof sha === 'string') files[path] = sha;
  return { revision, commit, files, pinnedAt: Date.now() };
}

/** Pin sources that answered 404 in this session. */
const NO_PIN_HERE = new Set<string>();

/** Where a model's pin is read: the Hub's model API, or the self-hosted folder's bri-pin.json. */
function listingUrl(model: ResolvedModel, hub: string): string {
  if (model.baseUrl) return `${model.baseUrl.replace(/\/+$/, '')}/${model.id}/bri-pin.json`;
  return `${hub}/api/models/${model.id}/revision/${encodeURIComponent(model.revision)}?blobs=true`;
}

/**
 * Pins a model on its first download (model-pins.ts). Already pinned: nothing to do. Files of
 * this revision already in the cache (downloaded before pins existed): left unpinned, so they
 * are not downloaded again ("Update models" pins them). The pin can't be read (offline, a
 * self-hosted folder without bri-pin.json): the model loads by revision as before, and is
 * pinned on a later load. Returns the pin made, or null.
 */
export async function pinModel(
  model: ResolvedModel,
  deps: PinDeps = APP_DEPS,
): Promise<ModelPin | null> {
  if (model.runtime !== 'transformers.js' || model.pinnedFrom) return null;
  if (!model.baseUrl) {
    const folder = `${deps.hub}/${model.id}/resolve/${encodeURIComponent(model.revision)}/`;
    if ((await deps.cachedUrls()).some((url) => url.startsWith(folder))) return null;
  }
  const url = listingUrl(model, deps.hub);
  if (NO_PIN_HERE.has(url)) return null;
  try {
    const response = await deps.fetch(url);
    // A folder without bri-pin.json (or a model the Hub doesn't list) won't have one later in
    // this session: it is not asked again before every analysis.
    if (response.status === 404) NO_PIN_HERE.add(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const pin = pinFrom((await response.json()) as Listing, model.revision);
    writeModelPin(pinKey(model), pin);
    return pin;
  } catch (error) {
    logEvent({
      level: 'warn',
      component: 'models',
      message: `${model.id}: could not pin its weights (${errorMessage(error)}); loading ${model.revision}`,
    });
    return null;
  }
}

/**
 * The stages that load one of ANALYSIS_ROLES' models: they wait for the pins. The media stages,
 * objects and on-screen text load none of them, so they start at once — the first frame (chat
 * ready) never waits on the Hub.
 */
const STAGES_PINNED: ReadonlySet<StageName> = new Set([
  'transcript',
  'speakers',
  'captions',
  'embeddings',
]);

/** Whether `stage` loads a model pinned by pinAnalysisModels (so must start after it). */
export function loadsPinnedModel(stage: StageName): boolean {
  return STAGES_PINNED.has(stage);
}

/**
 * Pins the analysis models of the current settings before a run loads them: all at once (the
 * wait of one round trip to the Hub, not of one per model), each failure only logged (pinModel).
 */
export async function pinAnalysisModels(
  settings: Settings,
  deps: PinDeps = APP_DEPS,
): Promise<void> {
  // The cache is listed once for all of them, and only if one is not pinned yet.
  let cached: Promise<string[]> | null = null;
  const once = { ...deps, cachedUrls: () => (cached ??= deps.cachedUrls()) };
  await Promise.all(ANALYSIS_ROLES.map((role) => pinModel(resolveModel(role, settings), once)));
}

/**
 * "Update models": forgets the pins of the analysis models and their downloaded files, so each
 * loads the newest of its revision next time (and pins that). Resolves with how many files went.
 */
export async function updateModels(settings: Settings): Promise<number> {
  const models = ANALYSIS_ROLES.map((role) => resolveModel(role, settings)).filter(
    (model) => model.runtime === 'transformers.js',
  );
  clearModelPins(models.map(pinKey));
  if (typeof caches === 'undefined') return 0;
  const cache = await caches.open(TRANSFORMERS_CACHE);
  const folders = models.map((model) =>
    model.baseUrl
      ? `${model.baseUrl.replace(/\/+$/, '')}/${model.id}/`
      : `${HUB_URL}/${model.id}/resolve/`,
  );
  let removed = 0;
  for (const request of await cache.keys())
    if (folders.some((folder) => request.url.startsWith(folder)) && (await cache.delete(request)))
      removed++;
  return removed;
}
