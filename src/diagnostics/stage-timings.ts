import type { StageRecord } from '../db';
import { logEvent } from './session-log';

/** When each `${videoId}:${stage}` started running in this session. */
const startedAt = new Map<string, number>();
/** The last state logged per stage, so repeated progress rows log nothing. */
const lastState = new Map<string, string>();

const FINISHED = new Set(['done', 'failed', 'cancelled', 'skipped']);

/**
 * Logs a stage's transitions: when it starts, and when it ends with how long it ran (measured in
 * this session: a stage resumed after a reload counts from the resume), its counts and device.
 */
export function logStageRow(row: StageRecord, now = Date.now()): void {
  const key = `${row.videoId}:${row.stage}`;
  if (lastState.get(key) === row.state) return;
  lastState.set(key, row.state);
  if (row.state === 'running') {
    startedAt.set(key, now);
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
  const began = startedAt.get(key);
  startedAt.delete(key);
  logEvent({
    level: row.state === 'failed' ? 'error' : 'info',
    component: 'pipeline',
    videoId: row.videoId,
    message: `${row.stage} ${row.state}${row.detail ? `: ${row.detail}` : ''}`,
    ...(began !== undefined ? { durationMs: now - began } : {}),
    data: { stage: row.stage, state: row.state, ...row.stats },
  });
}
