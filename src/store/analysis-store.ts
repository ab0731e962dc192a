import { create } from 'zustand';
import { videoSecondsLeft, type StageTiming } from '../pipeline/video-time-left';
import { useShallow } from 'zustand/react/shallow';
import type { StageRecord } from '../db';
import { currentStages, watchStages } from '../pipeline/stage-events';
import { STAGE_NAMES } from '../shared/stages';
import { useLibraryStore } from './library-store';

export interface AnalysisState {
  /** Latest row per `${videoId}:${stage}`. */
  stages: Record<string, StageRecord>;
  /** When each `${videoId}:${stage}` last started running in this tab. */
  startedAt: Record<string, number>;
  /** Seconds each running stage has left at its rate so far (absent: too early to tell). */
  secondsLeft: Record<string, number>;
  /** Seconds until each busy video is analysed whole (src/pipeline/video-time-left.ts). */
  readyIn: Record<string, number>;
}

/** The stages of one video as the whole-video estimate reads them. */
function timingsOf(
  videoId: string,
  rows: Record<string, StageRecord>,
  secondsLeft: Record<string, number>,
): StageTiming[] {
  return STAGE_NAMES.map((stage): StageTiming => {
    const row = rows[`${videoId}:${stage}`];
    if (!row) return { stage, state: 'not-started', progress: 0 };
    return {
      stage,
      state: row.state,
      progress: row.progress,
      seconds: row.stats.seconds,
      secondsLeft: secondsLeft[`${videoId}:${stage}`],
    };
  });
}

/** How much of a rise in the estimate is taken at each update (the rest waits for the next). */
const RISE_WEIGHT = 0.3;

/**
 * Each busy video's estimate, steadied: it falls as work gets done and rises only gradually.
 */
function readyInOf(
  rows: Record<string, StageRecord>,
  secondsLeft: Record<string, number>,
  previous: Record<string, number>,
): Record<string, number> {
  const videos = new Set(Object.values(rows).map((row) => row.videoId));
  const readyIn: Record<string, number> = {};
  for (const videoId of videos) {
    const duration = useLibraryStore.getState().videos.find((v) => v.id === videoId)?.duration;
    if (duration === undefined) continue;
    const estimate = videoSecondsLeft(duration, timingsOf(videoId, rows, secondsLeft));
    if (estimate === null) continue;
    const before = previous[videoId];
    // Down at once (work got done); up only part of the way, and never past half again: a
    // running stage's early rate is noisy, and a wobbling "2 min, 90 s, 2 min" helps no one.
    readyIn[videoId] =
      before === undefined || estimate <= before
        ? estimate
        : Math.min(before * 1.5, before + (estimate - before) * RISE_WEIGHT);
  }
  return readyIn;
}

const fromSnapshot = (
  { rows, startedAt, secondsLeft }: ReturnType<typeof currentStages>,
  previous: Record<string, number> = {},
): AnalysisState => ({
  stages: rows,
  startedAt,
  secondsLeft,
  readyIn: readyInOf(rows, secondsLeft, previous),
});

/** Processing status of every video, mirrored from what the pipeline reports (stage-events). */
export const useAnalysisStore = create<AnalysisState>()(() => fromSnapshot(currentStages()));
watchStages((snapshot) =>
  useAnalysisStore.setState((state) => fromSnapshot(snapshot, state.readyIn)),
);

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

/** Seconds until the whole video is analysed, or undefined when nothing is left to do. */
export function useVideoSecondsLeft(videoId: string): number | undefined {
  return useAnalysisStore((s) => s.readyIn[videoId]);
}
