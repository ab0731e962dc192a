import type { StageRecord } from '../db';
import { logStageRow } from '../diagnostics/stage-timings';
import { useAnalysisStore } from '../store/analysis-store';
import { estimateSecondsLeft } from './time-left';

/**
 * Mirrors a stage row into the UI store, with when the stage started and its time left, and logs
 * its transitions (with how long it ran) in the session's log. Every stage row passes through
 * here, so this is the one clock for both.
 */
export function reportStage(row: StageRecord): void {
  const key = `${row.videoId}:${row.stage}`;
  const now = Date.now();
  const { stages, startedAt } = useAnalysisStore.getState();
  const previousState = stages[key]?.state;
  const began = row.state === 'running' && previousState !== 'running' ? now : startedAt[key];
  logStageRow(row, previousState, began, now);
  const left =
    row.state === 'running' && began !== undefined
      ? estimateSecondsLeft(now - began, row.progress)
      : null;
  useAnalysisStore.setState((state) => {
    const secondsLeft = { ...state.secondsLeft };
    if (left === null) delete secondsLeft[key];
    else secondsLeft[key] = left;
    return {
      stages: { ...state.stages, [key]: row },
      startedAt: began === undefined ? state.startedAt : { ...state.startedAt, [key]: began },
      secondsLeft,
    };
  });
}
