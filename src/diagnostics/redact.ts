/** What a Groq API key looks like, wherever it turns up (an error a server echoed, a URL). */
const GROQ_KEY = /gsk_[A-Za-z0-9_-]{8,}/g;

const secrets = new Set<string>();

/** Remembers a secret (the person's Groq key) so that `redact` hides it wherever it appears. */
export function registerSecret(secret: string | null | undefined): void {
  if (secret && secret.length >= 8) secrets.add(secret);
}

/** `text` with every registered secret and anything shaped like a Groq key replaced. */
export function redact(text: string): string {
  let out = text.replace(GROQ_KEY, '[key hidden]');
  for (const secret of secrets) out = out.split(secret).join('[key hidden]');
  return out;
}

/** A value with `redact` applied to every string in it (arrays and plain objects, deeply). */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map(redactDeep) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redactDeep(v)]),
    ) as T;
  return value;
}
