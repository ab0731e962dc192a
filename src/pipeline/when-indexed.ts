import { listStages, type StageName, type StageRecord } from '../db';
import { STAGE_NAMES } from '../shared/stages';
import { currentStages, watchStages } from './stage-events';

/** A stage the caller waited for failed or was cancelled; `stage` and `detail` say which and why. */
export class StageFailedError extends Error {
  override name = 'StageFailedError';
  constructor(
    readonly stage: StageName,
    readonly detail: string,
  ) {
    super(`The ${stage} stage ${detail ? `did not finish: ${detail}` : 'did not finish.'}`);
  }
}

export class NotAnalysedError extends Error {
  override name = 'NotAnalysedError';
}

const SETTLED_OK = new Set(['done', 'skipped']);
const SETTLED_BAD = new Set(['failed', 'cancelled']);
const ACTIVE = new Set(['queued', 'running']);

/**
 * Where a video's wanted stages stand: 'done' when all are done or skipped, an error when one
 * failed or was cancelled (or none is queued to run), 'waiting' otherwise.
 */
function judge(
  videoId: string,
  wanted: readonly StageName[],
  rows: (StageRecord | undefined)[],
): 'done' | 'waiting' | Error {
  for (const [i, row] of rows.entries()) {
    if (row && SETTLED_BAD.has(row.state)) {
      return new StageFailedError(wanted[i] ?? 'frames', row.detail ?? '');
    }
  }
  if (rows.every((row) => row && SETTLED_OK.has(row.state))) return 'done';
  if (!rows.some((row) => row && ACTIVE.has(row.state))) {
    const missing = wanted.filter((_, i) => !rows[i]);
    return new NotAnalysedError(
      `Video ${videoId} has no analysis queued for ${missing.join(', ') || 'those stages'}: call bri.analyse first.`,
    );
  }
  return 'waiting';
}

/** Resolves when the wanted stages (all by default) of a video are done; rejects on a failure. */
export async function whenIndexed(
  videoId: string,
  stages: readonly StageName[] = STAGE_NAMES,
): Promise<void> {
  const stored = await listStages(videoId);
  const latest = new Map<StageName, StageRecord>(stored.map((row) => [row.stage, row]));
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const update = (rows: Record<string, StageRecord>) => {
      for (const stage of stages) {
        const row = rows[`${videoId}:${stage}`];
        if (row) latest.set(stage, row);
      }
      if (settled) return;
      const verdict = judge(
        videoId,
        stages,
        stages.map((stage) => latest.get(stage)),
      );
      if (verdict === 'waiting') return;
      settled = true;
      if (verdict === 'done') resolve();
      else reject(verdict);
    };
    const stop = watchStages(({ rows }) => {
      update(rows);
      if (settled) stop();
    });
    // Rows reported before the subscription are in the snapshot already.
    update(currentStages().rows);
    if (settled) stop();
  });
}
