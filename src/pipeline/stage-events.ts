import type { StageRecord } from '../db';

/** What the pipeline knows of every stage it has reported, by `${videoId}:${stage}`. */
export interface StageSnapshot {
  /** The latest row. */
  rows: Readonly<Record<string, StageRecord>>;
  /** When each stage last started running in this tab (ms since the epoch). */
  startedAt: Readonly<Record<string, number>>;
  /** Seconds each running stage has left at its rate so far (absent: too early to tell). */
  secondsLeft: Readonly<Record<string, number>>;
}

let snapshot: StageSnapshot = { rows: {}, startedAt: {}, secondsLeft: {} };
const listeners = new Set<(snapshot: StageSnapshot) => void>();

/** The stage rows and timings reported so far (a new object after every change). */
export function currentStages(): StageSnapshot {
  return snapshot;
}

/** Calls `listener` after every change; returns the unsubscribe. */
export function watchStages(listener: (snapshot: StageSnapshot) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Replaces the snapshot and tells every listener (the pipeline's own `reportStage` only). */
export function publishStages(next: StageSnapshot): void {
  snapshot = next;
  for (const listener of listeners) listener(snapshot);
}

/** Forgets everything reported (tests). */
export function resetStages(): void {
  publishStages({ rows: {}, startedAt: {}, secondsLeft: {} });
}
