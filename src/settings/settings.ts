import { z } from 'zod';
import { MODEL_ROLES } from '../shared/model-spec';
import { DEFAULT_GROQ_MODEL, type BriSettings } from './settings-types';

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
};

const modelIds = z.partialRecord(z.enum(MODEL_ROLES), z.string().trim().min(1));
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
    groqBaseUrl: z
      .url({ protocol: /^https?$/, error: 'it must be a full http:// or https:// address' })
      .nullable(),
    groqModel: z.string().trim().min(1),
    localChat: z.boolean(),
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
};

export class InvalidSettingsError extends Error {
  override name = 'InvalidSettingsError';
}

export function readSettings(): Settings {
  try {
    const stored = patchSchema.safeParse(JSON.parse(localStorage.getItem(KEY) ?? '{}'));
    return { ...DEFAULTS, ...(stored.success ? stored.data : {}) };
  } catch {
    return { ...DEFAULTS };
  }
}

/** Validates and stores a change; an unknown key or a bad value is refused with a clear message. */
export function updateSettings(patch: Partial<Settings>): Settings {
  const parsed = patchSchema.safeParse(patch);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidSettingsError(
      `${LABELS[String(issue?.path[0])] ?? 'A setting'} (${issue?.path.join('.') ?? '?'}) was not changed: ${issue?.message ?? 'invalid'}.`,
    );
  }
  const next = { ...readSettings(), ...parsed.data };
  localStorage.setItem(KEY, JSON.stringify(next));
  return next;
}

/** The settings with the API key hidden (all but its last 4 characters), for showing or returning. */
export function maskedSettings(settings: Settings = readSettings()): Settings {
  const key = settings.groqApiKey;
  return { ...settings, groqApiKey: key ? `…${key.slice(-4)}` : null };
}
