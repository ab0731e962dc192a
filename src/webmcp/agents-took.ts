/**
 * What the agents in this browser took through BRI's tools in this session (Diagnostics → What
 * agents took): when, which tool, the arguments and the bytes returned — never the result itself.
 * In memory only, newest last; the oldest go past MAX_ENTRIES.
 */
export interface AgentCallEntry {
  at: number;
  tool: string;
  /** The arguments as the agent sent them (JSON). */
  args: string;
  /** Bytes of the result returned (its JSON): what left BRI for the agent. */
  bytes: number;
  /** The call was refused or failed (an error result; bytes are the message's). */
  failed: boolean;
}

const MAX_ENTRIES = 200;
let entries: readonly AgentCallEntry[] = [];
const listeners = new Set<() => void>();

/** Records one call as its result leaves. */
export function recordAgentCall(entry: Omit<AgentCallEntry, 'at'>): AgentCallEntry {
  const recorded = { at: Date.now(), ...entry };
  entries = [...entries, recorded].slice(-MAX_ENTRIES);
  listeners.forEach((listener) => listener());
  return recorded;
}

/** The session's calls so far (a new array after each change, for useSyncExternalStore). */
export const readAgentCalls = (): readonly AgentCallEntry[] => entries;

export function subscribeAgentCalls(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
