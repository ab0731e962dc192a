import type { StageRecord } from '../db';
import { logStageRow } from '../diagnostics/stage-timings';
import { currentStages, publishStages } from './stage-events';
import { estimateSecondsLeft } from './time-left';
import { shareStage } from './analysis-leader';

/**
 * Publishes a stage row (stage-events.ts: the UI's store and `whenIndexed` listen), with when
 * the stage started and its time left, and logs its transitions (with how long it ran) in the
 * session's log. Every stage row passes through here, so this is the one clock for both.
 */
export function reportStage(row: StageRecord): void {
  const key = `${row.videoId}:${row.stage}`;
  const now = Date.now();
  const { rows, startedAt, secondsLeft } = currentStages();
  const previousState = rows[key]?.state;
  const began = row.state === 'running' && previousState !== 'running' ? now : startedAt[key];
  logStageRow(row, previousState, began, now);
  const left =
    row.state === 'running' && began !== undefined
      ? estimateSecondsLeft(now - began, row.progress)
      : null;
  const nextLeft = { ...secondsLeft };
  if (left === null) delete nextLeft[key];
  else nextLeft[key] = left;
  shareStage(row);
  publishStages({
    rows: { ...rows, [key]: row },
    startedAt: began === undefined ? startedAt : { ...startedAt, [key]: began },
    secondsLeft: nextLeft,
  });
}
