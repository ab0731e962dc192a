import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { StageRecord } from '../db';
import { STAGE_NAMES } from '../shared/bri-api';

export interface AnalysisState {
  /** Latest row per `${videoId}:${stage}`. */
  stages: Record<string, StageRecord>;
}

/** Processing status of every video, mirrored from the `stages` table. */
export const useAnalysisStore = create<AnalysisState>()(() => ({ stages: {} }));

/** The latest row of each stage of one video, in STAGE_NAMES order (undefined: never queued). */
export function useStageRows(videoId: string): (StageRecord | undefined)[] {
  return useAnalysisStore(
    useShallow((s) => STAGE_NAMES.map((stage) => s.stages[`${videoId}:${stage}`])),
  );
}

/** Calls `listener` with every stage row the pipeline reports; returns the unsubscribe. */
export function watchStageRows(listener: (rows: Record<string, StageRecord>) => void): () => void {
  return useAnalysisStore.subscribe((state) => listener(state.stages));
}

/** The latest stage rows the pipeline has reported, by `${videoId}:${stage}`. */
export function currentStageRows(): Record<string, StageRecord> {
  return useAnalysisStore.getState().stages;
}
