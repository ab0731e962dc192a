import { create } from 'zustand';

/** The clip being cut (one at a time), or the last one's outcome until it is dismissed. */
export interface ClipJob {
  label: string;
  state: 'running' | 'done' | 'failed';
  /** 0–1 while running. */
  fraction: number;
  message: string | null;
}

export interface ClipState {
  job: ClipJob | null;
  /** Seconds of context either side of a moment's clip (the person can change it). */
  context: number;
}

export const useClipStore = create<ClipState>()(() => ({ job: null, context: 2 }));

/** Updates the clip job in place (nothing when there is none). */
export function patchClipJob(change: Partial<ClipJob>): void {
  useClipStore.setState((s) => (s.job ? { job: { ...s.job, ...change } } : s));
}
