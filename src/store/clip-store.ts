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

/** Seconds of context a clip of a moment gets either side, until the person changes it. */
export const DEFAULT_CLIP_CONTEXT_S = 2;

export const useClipStore = create<ClipState>()(() => ({
  job: null,
  context: DEFAULT_CLIP_CONTEXT_S,
}));

/** Updates the clip job in place (nothing when there is none). */
export function patchClipJob(change: Partial<ClipJob>): void {
  useClipStore.setState((s) => (s.job ? { job: { ...s.job, ...change } } : s));
}
