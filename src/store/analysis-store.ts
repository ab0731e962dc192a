import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { StageRecord } from '../db';
import { STAGE_NAMES } from '../shared/bri-api';

export interface AnalysisState {
  /** Latest row per `${videoId}:${stage}`. */
  stages: Record<string, StageRecord>;
  /** When each `${videoId}:${stage}` last started running in this tab. */
  startedAt: Record<string, number>;
  /** Seconds each running stage has left at its rate so far (absent: too early to tell). */
  secondsLeft: Record<string, number>;
}

/** Processing status of every video, mirrored from the `stages` table. */
export const useAnalysisStore = create<AnalysisState>()(() => ({
  stages: {},
  startedAt: {},
  secondsLeft: {},
}));

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

/** Seconds a running stage of a video has left, or undefined when it is too early to tell. */
export function useSecondsLeft(videoId: string, stage: string): number | undefined {
  return useAnalysisStore((s) => s.secondsLeft[`${videoId}:${stage}`]);
}
