import { create } from 'zustand';

/** A translation of one video's transcript: running, or how the last one ended. */
export interface TranslationJob {
  language: string;
  state: 'running' | 'done' | 'failed' | 'stopped';
  /** Lines translated (stored) so far, of `total`. */
  done: number;
  total: number;
  message: string | null;
}

export interface TranslationState {
  /** Per video: its translation job, if one ran this session. */
  jobs: Record<string, TranslationJob>;
  /** Per video: the language its transcript is shown in (absent: as spoken). */
  shown: Record<string, string>;
}

export const useTranslationStore = create<TranslationState>()(() => ({ jobs: {}, shown: {} }));

/** Sets (or, with a patch, updates) a video's translation job. */
export function patchTranslationJob(videoId: string, change: Partial<TranslationJob>): void {
  useTranslationStore.setState((s) => {
    const job = s.jobs[videoId];
    if (!job && !change.language) return s;
    return { jobs: { ...s.jobs, [videoId]: { ...(job as TranslationJob), ...change } } };
  });
}

/** Shows a video's transcript in a language it was translated into (null: as spoken). */
export function showTranscriptIn(videoId: string, language: string | null): void {
  useTranslationStore.setState((s) => {
    const shown = { ...s.shown };
    if (language) shown[videoId] = language;
    else delete shown[videoId];
    return { shown };
  });
}
