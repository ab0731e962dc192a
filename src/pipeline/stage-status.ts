import type { StageRecord } from '../db';
import { logStageRow } from '../diagnostics/stage-timings';
import { useAnalysisStore } from '../store/analysis-store';
import { estimateSecondsLeft } from './time-left';

/** Mirrors a stage row into the UI store (and the session's log, with its timings). */
export function reportStage(row: StageRecord): void {
  logStageRow(row);
  const key = `${row.videoId}:${row.stage}`;
  const now = Date.now();
  useAnalysisStore.setState((state) => {
    const started = row.state === 'running' && state.stages[key]?.state !== 'running';
    const startedAt = started ? { ...state.startedAt, [key]: now } : state.startedAt;
    const since = startedAt[key];
    const left =
      row.state === 'running' && since !== undefined
        ? estimateSecondsLeft(now - since, row.progress)
        : null;
    const secondsLeft = { ...state.secondsLeft };
    if (left === null) delete secondsLeft[key];
    else secondsLeft[key] = left;
    return { stages: { ...state.stages, [key]: row }, startedAt, secondsLeft };
  });
}
