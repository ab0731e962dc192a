import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { StageRecord } from '../db';
import { currentStages, watchStages } from '../pipeline/stage-events';
import { STAGE_NAMES } from '../shared/stages';

export interface AnalysisState {
  /** Latest row per `${videoId}:${stage}`. */
  stages: Record<string, StageRecord>;
  /** When each `${videoId}:${stage}` last started running in this tab. */
  startedAt: Record<string, number>;
  /** Seconds each running stage has left at its rate so far (absent: too early to tell). */
  secondsLeft: Record<string, number>;
}

const fromSnapshot = ({ rows, startedAt, secondsLeft }: ReturnType<typeof currentStages>) => ({
  stages: rows,
  startedAt,
  secondsLeft,
});

/** Processing status of every video, mirrored from what the pipeline reports (stage-events). */
export const useAnalysisStore = create<AnalysisState>()(() => fromSnapshot(currentStages()));
watchStages((snapshot) => useAnalysisStore.setState(fromSnapshot(snapshot)));

/** The latest row of each stage of one video, in STAGE_NAMES order (undefined: never queued). */
export function useStageRows(videoId: string): (StageRecord | undefined)[] {
  return useAnalysisStore(
    useShallow((s) => STAGE_NAMES.map((stage) => s.stages[`${videoId}:${stage}`])),
  );
}

/** Seconds a running stage of a video has left, or undefined when it is too early to tell. */
export function useSecondsLeft(videoId: string, stage: string): number | undefined {
  return useAnalysisStore((s) => s.secondsLeft[`${videoId}:${stage}`]);
}
