import { z } from 'zod';
import { MODEL_ROLES } from '../shared/model-spec';
import { DEFAULT_GROQ_MODEL, type BriSettings, type BriSettingsChange } from './settings-types';
import { SHARED_KINDS, SHARE_EVERYTHING } from '../shared/share-with-groq';

/** Preferences kept in this browser (localStorage: small, synchronous, never sent anywhere). */
export type Settings = BriSettings;

const KEY = 'bri.settings';
const DEFAULTS: Settings = {
  autoAnalyse: true,
  modelSet: 'fast',
  modelBaseUrl: null,
  models: {},
  groqApiKey: null,
  groqBaseUrl: null,
  groqModel: DEFAULT_GROQ_MODEL,
  localChat: false,
  wasmThreads: 'auto',
  backend: 'auto',
  shareWithGroq: { ...SHARE_EVERYTHING },
  agentTools: false,
};

const modelIds = z.partialRecord(z.enum(MODEL_ROLES), z.string().trim().min(1));

/** This machine: a local server may speak plain http (a fake Groq, a model folder). */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Where the Groq key may be sent: https only, or plain http to this machine. Anything else would
 * send the person's key in clear text to whoever is on the path.
 */
const groqUrl = z
  .url({ protocol: /^https?$/, error: 'it must be a full https:// address' })
  .refine((url) => {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' || LOOPBACK.has(hostname);
  }, 'Groq is reached over https:// (plain http:// only to this machine: localhost, 127.0.0.1)');
const patchSchema = z
  .object({
    autoAnalyse: z.boolean(),
    modelSet: z.enum(['fast', 'accurate']),
    modelBaseUrl: z
      .url({ protocol: /^https?$/, error: 'it must be a full http:// or https:// address' })
      .nullable(),
    models: modelIds,
    groqApiKey: z
      .string()
      .trim()
      .regex(/^\S{8,}$/, 'that does not look like an API key')
      .nullable(),
    groqBaseUrl: groqUrl.nullable(),
    groqModel: z.string().trim().min(1),
    localChat: z.boolean(),
    wasmThreads: z.union([z.literal('auto'), z.number().int().min(1).max(16)]),
    backend: z.enum(['auto', 'webgpu', 'wasm']),
    shareWithGroq: z
      .object(Object.fromEntries(SHARED_KINDS.map((kind) => [kind, z.boolean()])))
      .partial()
      .strict(),
    agentTools: z.boolean(),
  })
  .partial()
  .strict();

/** Settings' names as the Settings dialog shows them, so a refusal reads the same in both. */
const LABELS: Record<string, string> = {
  autoAnalyse: 'Analyse on import',
  modelSet: 'Models',
  modelBaseUrl: 'Model base URL',
  models: 'Model id',
  groqApiKey: 'Groq API key',
  groqBaseUrl: 'Groq base URL',
  groqModel: 'Groq model',
  localChat: 'Local chat',
  wasmThreads: 'WASM threads',
  backend: 'Where models run',
  shareWithGroq: 'Send to Groq',
  agentTools: 'Let AI agents in this browser use BRI’s tools',
};

export class InvalidSettingsError extends Error {
  override name = 'InvalidSettingsError';
}

/**
 * The stored settings, each checked on its own: a value that no longer passes (or a setting a
 * newer version added) is ignored, never a reason to forget every setting and the key with them.
 */
export function readSettings(): Settings {
  let stored: unknown;
  try {
    stored = JSON.parse(localStorage.getItem(KEY) ?? '{}');
  } catch {
    return { ...DEFAULTS };
  }
  if (!stored || typeof stored !== 'object') return { ...DEFAULTS };
  const saved = stored as Record<string, unknown>;
  const settings: Record<string, unknown> = { ...DEFAULTS };
  for (const [name, field] of Object.entries(patchSchema.shape)) {
    const parsed = saved[name] === undefined ? null : field.safeParse(saved[name]);
    if (parsed?.success && parsed.data !== undefined) settings[name] = parsed.data;
  }
  // A kind added in a newer version (or missing) is shared, as before the switch existed.
  settings.shareWithGroq = { ...SHARE_EVERYTHING, ...(settings.shareWithGroq as object) };
  // A key saved for another Groq host (one no longer allowed) is not sent to this one.
  if (settings.groqBaseUrl !== (saved.groqBaseUrl ?? null)) settings.groqApiKey = null;
  return settings as unknown as Settings;
}

/** Validates and stores a change; an unknown key or a bad value is refused with a clear message. */
export function updateSettings(patch: BriSettingsChange): Settings {
  const parsed = patchSchema.safeParse(patch);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidSettingsError(
      `${LABELS[String(issue?.path[0])] ?? 'A setting'} (${issue?.path.join('.') ?? '?'}) was not changed: ${issue?.message ?? 'invalid'}.`,
    );
  }
  const current = readSettings();
  const next = {
    ...current,
    ...parsed.data,
    // Switches not named in the change keep their value.
    shareWithGroq: { ...current.shareWithGroq, ...parsed.data.shareWithGroq },
  };
  // A key goes only to the host it was given for: a new Groq base URL asks for it again.
  const moved = 'groqBaseUrl' in parsed.data && next.groqBaseUrl !== current.groqBaseUrl;
  if (moved && !('groqApiKey' in parsed.data)) next.groqApiKey = null;
  localStorage.setItem(KEY, JSON.stringify(next));
  for (const listener of listeners) listener();
  return next;
}

const listeners = new Set<() => void>();

/**
 * Calls `listener` after each change to the settings, in this tab or another (the `storage`
 * event); returns the unsubscribe. For views that show what a setting allows (a Groq key set).
 */
export function onSettingsChange(listener: () => void): () => void {
  const fromOtherTab = (event: StorageEvent) => {
    if (event.key === KEY) listener();
  };
  listeners.add(listener);
  window.addEventListener('storage', fromOtherTab);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', fromOtherTab);
  };
}

/** The settings with the API key hidden (all but its last 4 characters), for showing or returning. */
export function maskedSettings(settings: Settings = readSettings()): Settings {
  const key = settings.groqApiKey;
  return { ...settings, groqApiKey: key ? `…${key.slice(-4)}` : null };
}
