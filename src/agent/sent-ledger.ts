/**
 * Every request that left this tab for Groq in this session, exactly as it left (after the egress
 * door withheld what the person keeps): a chat answer's steps, Make chapters, each Translate
 * batch. Diagnostics shows it; an answer's own "What was sent" is the same bodies, kept with it.
 * In memory only, newest last; the oldest go past MAX_ENTRIES.
 */
export type SentPurpose = 'chat' | 'chapters' | 'translation';

export interface SentEntry {
  at: number;
  purpose: SentPurpose;
  /** Where it went (the Groq base URL's origin). */
  host: string;
  body: string;
  bytes: number;
}

const MAX_ENTRIES = 200;
let entries: readonly SentEntry[] = [];
const listeners = new Set<() => void>();

/** Records one request as it leaves. */
export function recordSent(purpose: SentPurpose, host: string, body: string): SentEntry {
  const entry = {
    at: Date.now(),
    purpose,
    host,
    body,
    bytes: new TextEncoder().encode(body).length,
  };
  entries = [...entries, entry].slice(-MAX_ENTRIES);
  listeners.forEach((listener) => listener());
  return entry;
}

/** The session's requests so far (a new array after each change, for useSyncExternalStore). */
export const readSent = (): readonly SentEntry[] => entries;

export function subscribeSent(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
