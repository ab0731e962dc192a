import type { StageRecord } from '../db';
import { useAnalysisStore } from '../store/analysis-store';

/** Mirrors a stage row into the UI store. */
export function reportStage(row: StageRecord): void {
  useAnalysisStore.setState((state) => ({
    stages: { ...state.stages, [`${row.videoId}:${row.stage}`]: row },
  }));
}
