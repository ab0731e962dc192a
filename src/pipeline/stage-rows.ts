import {
  clearStageRows,
  patchQueuedStage,
  patchRunningStage,
  putStage,
  type StageName,
  type StageRecord,
} from '../db';
import type { Lineage } from '../shared/lineage';
import { isQuotaError } from '../storage/storage-status';
import { reportStage } from './stage-status';
import { currentStages } from './stage-events';
import { errorMessage } from '../shared/error-message';

export function lineage(
  tool: string,
  version: string,
  parameters: Record<string, unknown>,
  device: Lineage['device'],
  dtype?: string,
): Lineage {
  return {
    tool,
    version,
    parameters,
    device,
    ...(dtype ? { dtype } : {}),
    appVersion: __APP_VERSION__,
  };
}

/** A stage row: running at 0 % unless the patch says otherwise. */
export function stageRow(
  videoId: string,
  stage: StageName,
  patch: Partial<StageRecord>,
): StageRecord {
  return {
    videoId,
    stage,
    state: 'running',
    progress: 0,
    detail: null,
    stats: {},
    ...patch,
    updatedAt: Date.now(),
  };
}

/** Writes a stage row and mirrors it to the UI. Progress writes are throttled by the caller. */
export async function setStage(
  videoId: string,
  stage: StageName,
  patch: Partial<StageRecord>,
): Promise<void> {
  const row = stageRow(videoId, stage, patch);
  await putStage(row);
  reportStage(row);
}

/**
 * Progress and download details of a running stage. They are written without being awaited, so
 * one may land after the stage ended: it is then dropped, in the database and in the UI.
 */
export async function updateRunningStage(
  videoId: string,
  stage: StageName,
  patch: Pick<Partial<StageRecord>, 'progress' | 'detail'>,
): Promise<void> {
  const row = await patchRunningStage(videoId, stage, patch);
  if (row) reportStage(row);
}

/**
 * The detail of a stage still queued (its model loading ahead). Not awaited either: a write that
 * lands once the stage has started is dropped, and so is its report if the UI has moved on.
 */
export async function updateQueuedStage(
  videoId: string,
  stage: StageName,
  detail: string,
): Promise<void> {
  const row = await patchQueuedStage(videoId, stage, detail);
  const shown = currentStages().rows[`${videoId}:${stage}`]?.state;
  if (row && (shown === undefined || shown === 'queued')) reportStage(row);
}

export function progressWriter(videoId: string, stage: StageName): (fraction: number) => void {
  let last = -1;
  return (fraction) => {
    const percent = Math.floor(fraction * 100);
    if (percent === last) return;
    last = percent;
    void updateRunningStage(videoId, stage, { progress: fraction });
  };
}

/** Errors whose message already tells the person what happened and what to do. */
const SELF_EXPLAINING = new Set(['ModelLoadError', 'WorkerFailedError']);

/** A stage's failure in words for the status line. */
export function describeFailure(error: unknown): string {
  if (isQuotaError(error)) {
    return 'The browser’s storage for BRI is full, so these results could not be saved. Delete videos you no longer need (or free disk space), then choose “Analyse again”.';
  }
  const detail = errorMessage(error).replace(/\.$/, '');
  const name = error instanceof Error ? error.name : '';
  return SELF_EXPLAINING.has(name)
    ? `${detail}. Then choose “Analyse again”.`
    : `This stage stopped: ${detail}. Choose “Analyse again”; if it stops the same way, export Diagnostics (Settings) and report it.`;
}

/** Marks a stage cancelled or failed and removes its partial rows, so a re-run starts clean. */
export async function endStage(
  videoId: string,
  stage: StageName,
  state: 'cancelled' | 'failed',
  detail: string,
): Promise<void> {
  const row = stageRow(videoId, stage, { state, detail });
  try {
    await clearStageRows(videoId, stage);
    await putStage(row);
  } catch (error) {
    // A full disk may refuse the row itself: the person still sees it (and the stage, still
    // "running" on disk, is run again on the next start).
    if (!isQuotaError(error)) throw error;
  } finally {
    reportStage(row);
  }
}
