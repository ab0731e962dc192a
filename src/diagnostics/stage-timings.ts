import type { StageRecord } from '../db';
import { logEvent } from './session-log';

const FINISHED = new Set(['done', 'failed', 'cancelled', 'skipped']);

/**
 * Logs a stage's transitions: when it starts, and when it ends with how long it ran (from
 * `startedAt`, when it started in this session: a stage resumed after a reload counts from the
 * resume), its counts and device. `previousState` is the state last reported for the stage, so
 * repeated progress rows log nothing.
 */
export function logStageRow(
  row: StageRecord,
  previousState: string | undefined,
  startedAt: number | undefined,
  now: number,
): void {
  if (previousState === row.state) return;
  if (row.state === 'running') {
    logEvent({
      level: 'info',
      component: 'pipeline',
      videoId: row.videoId,
      message: `${row.stage} started`,
      data: { stage: row.stage },
    });
    return;
  }
  if (!FINISHED.has(row.state)) return;
  logEvent({
    level: row.state === 'failed' ? 'error' : 'info',
    component: 'pipeline',
    videoId: row.videoId,
    message: `${row.stage} ${row.state}${row.detail ? `: ${row.detail}` : ''}`,
    ...(startedAt !== undefined ? { durationMs: now - startedAt } : {}),
    data: { stage: row.stage, state: row.state, ...row.stats },
  });
}
