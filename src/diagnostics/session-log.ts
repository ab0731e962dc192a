import { redactDeep } from './redact';
import type { LogEntry } from './diagnostics-types';

export type { LogEntry, LogLevel } from './diagnostics-types';

/** Entries kept: the oldest go first, so a long session can't grow the log without bound. */
const MAX_ENTRIES = 5000;

const entries: LogEntry[] = [];
const listeners = new Set<() => void>();
/** The copy handed to readers, made on the first read after a change (not on every entry). */
let snapshot: readonly LogEntry[] | null = [];

/**
 * Adds an entry to the session's log (in memory: it starts empty on each page load). The Groq
 * key never reaches it, even inside an error message a server echoed (`redact`).
 */
export function logEvent(entry: Omit<LogEntry, 'at'> & { at?: number }): void {
  entries.push(redactDeep({ at: Date.now(), ...entry }));
  if (entries.length > MAX_ENTRIES) entries.splice(0, entries.length - MAX_ENTRIES);
  snapshot = null;
  for (const listener of listeners) listener();
}

/** The log so far, oldest first (the same array until something is logged). */
export function readLog(): readonly LogEntry[] {
  snapshot ??= [...entries];
  return snapshot;
}

/** Calls `listener` after each new entry; returns the unsubscribe (useSyncExternalStore's shape). */
export function subscribeLog(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Empties the log (tests). */
export function clearLog(): void {
  entries.length = 0;
  snapshot = [];
}
