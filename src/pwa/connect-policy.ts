import { useLibraryStore } from '../store/library-store';
import { readSettings, type Settings } from '../settings/settings';

/**
 * Where the page may connect, narrowed at start to the hosts BRI actually talks to.
 *
 * index.html's Content-Security-Policy allows any https origin and loopback (a static file can't
 * know the Groq or model host a person will configure), which already keeps the key off clear
 * text. At start this adds a second policy naming the exact origins — self, the Hub, Groq's
 * default API, the configured Groq and model hosts, loopback — and the browser enforces both.
 * Policies only ever narrow, so a host configured later takes effect after a reload.
 *
 * Workers take their policy from their own script's response, not from this document: the
 * workers' model downloads are bounded by the model-host settings, not by this meta.
 */
const FIXED_SOURCES = [
  "'self'",
  'blob:',
  'data:',
  'https://huggingface.co',
  'https://*.huggingface.co',
  'https://*.hf.co',
  'https://api.groq.com',
  // Loopback: a local Groq-compatible server or a self-hosted model folder on this machine.
  'http://localhost:*',
  'http://127.0.0.1:*',
];

/** The origins the settings point at (Groq base URL, model base URL), when set. */
function configuredOrigins(settings: Pick<Settings, 'groqBaseUrl' | 'modelBaseUrl'>): string[] {
  return [settings.groqBaseUrl, settings.modelBaseUrl].flatMap((url) => {
    if (!url) return [];
    try {
      return [new URL(url, location.href).origin];
    } catch {
      return [];
    }
  });
}

/** The sources the policy applied at start names (null before it is applied). */
let applied: readonly string[] | null = null;

/**
 * Whether a CSP source expression of the forms used here (`'self'`, `scheme://host`,
 * `scheme://*.host`, `…:*`, `…:8443`) allows `origin`. An `http:` source also allows `https:`, as CSP does.
 */
function allows(source: string, origin: string): boolean {
  if (source === "'self'") return origin === location.origin;
  const match = /^(https?):\/\/(\*\.)?([^:/]+)(:\*)?$/.exec(source);
  if (!match) return false;
  const [, scheme, wildcard, host = '', anyPort] = match;
  const url = new URL(origin);
  const schemeOk =
    url.protocol === `${scheme}:` || (scheme === 'http' && url.protocol === 'https:');
  const hostOk = wildcard ? url.hostname.endsWith(`.${host}`) : url.hostname === host;
  return schemeOk && hostOk && (anyPort !== undefined || url.port === '');
}

const coveredBy = (sources: readonly string[], origin: string) =>
  sources.some((source) => allows(source, origin));

/** The connect-src sources for these settings. */
export function connectSources(settings: Pick<Settings, 'groqBaseUrl' | 'modelBaseUrl'>): string[] {
  const extra = configuredOrigins(settings).filter((origin) => !coveredBy(FIXED_SOURCES, origin));
  return [...FIXED_SOURCES, ...new Set(extra)];
}

/** Adds the narrowed policy to the document (once, at start, before any connection). */
export function applyConnectPolicy(settings: Settings = readSettings()): void {
  if (applied) return;
  const sources = connectSources(settings);
  applied = sources;
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = `connect-src ${sources.join(' ')}`;
  document.head.append(meta);
}

/** Whether an import is copying a file in: a reload now would lose it. */
const importing = () => useLibraryStore.getState().imports.some((item) => item.state !== 'failed');

/**
 * Reloads the page when the settings now name a host the policy applied at start doesn't cover,
 * so the new host works (the reload applies a policy that names it). An import in progress would
 * be lost by a reload: then the page reloads as soon as the imports have ended (analysis,
 * translation and answers resume or can be asked again after it). Returns what it does.
 */
export function reloadForNewHosts(
  settings: Settings = readSettings(),
): 'not-needed' | 'now' | 'after-imports' {
  if (!applied) return 'not-needed';
  const sources = applied;
  const uncovered = configuredOrigins(settings).some((origin) => !coveredBy(sources, origin));
  if (!uncovered) return 'not-needed';
  if (!importing()) {
    location.reload();
    return 'now';
  }
  const stop = useLibraryStore.subscribe(() => {
    if (importing()) return;
    stop();
    location.reload();
  });
  return 'after-imports';
}
