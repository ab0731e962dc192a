import { create } from 'zustand';
import type { StageRecord } from '../db';

export interface AnalysisState {
  /** Latest row per `${videoId}:${stage}`. */
  stages: Record<string, StageRecord>;
}

/** Processing status of every video, mirrored from the `stages` table. */
export const useAnalysisStore = create<AnalysisState>()(() => ({ stages: {} }));
