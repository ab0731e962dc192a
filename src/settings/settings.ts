/** Preferences kept in this browser (localStorage: small, synchronous, never sent anywhere). */
export interface Settings {
  /** Start analysing a video (frames, scenes, speech) as soon as it is imported. */
  autoAnalyse: boolean;
}

const KEY = 'bri.settings';
const DEFAULTS: Settings = { autoAnalyse: true };

export function readSettings(): Settings {
  try {
    return { ...DEFAULTS, ...(JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Settings>) };
  } catch {
    return { ...DEFAULTS };
  }
}

export function updateSettings(patch: Partial<Settings>): Settings {
  const next = { ...readSettings(), ...patch };
  localStorage.setItem(KEY, JSON.stringify(next));
  return next;
}
