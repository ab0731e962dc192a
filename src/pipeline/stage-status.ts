import type { StageRecord } from '../db';
import { logStageRow } from '../diagnostics/stage-timings';
import { useAnalysisStore } from '../store/analysis-store';

/** Mirrors a stage row into the UI store (and the session's log, with its timings). */
export function reportStage(row: StageRecord): void {
  logStageRow(row);
  useAnalysisStore.setState((state) => ({
    stages: { ...state.stages, [`${row.videoId}:${row.stage}`]: row },
  }));
}
