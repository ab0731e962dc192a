import type { StageName, StageState } from '../shared/stages';

/**
 * Seconds of work per second of video each stage takes on a device like ours (two cores, WASM,
 * real-size models), plus its fixed cost (a model's load). A start: the estimate is recalibrated
 * by how fast this video's finished stages actually went. `npm run bench -- --real-size` prints
 * the stage times these come from.
 */
const PRIOR: Record<StageName, { perSecond: number; fixed: number }> = {
  frames: { perSecond: 0.03, fixed: 1 },
  speech: { perSecond: 0.03, fixed: 1 },
  objects: { perSecond: 0.008, fixed: 1 },
  text: { perSecond: 0.012, fixed: 1 },
  transcript: { perSecond: 0.05, fixed: 3 },
  speakers: { perSecond: 0.02, fixed: 2 },
  captions: { perSecond: 0.05, fixed: 5 },
  embeddings: { perSecond: 0.015, fixed: 2 },
};

/** What the estimate reads of one stage. */
export interface StageTiming {
  stage: StageName;
  state: StageState | 'not-started';
  progress: number;
  /** A finished stage's seconds (its stats), when it says. */
  seconds?: number;
  /** A running stage's own estimate of its time left, when it has one yet. */
  secondsLeft?: number;
}

const priorSeconds = (stage: StageName, duration: number) =>
  PRIOR[stage].fixed + PRIOR[stage].perSecond * duration;

/**
 * Seconds until every queued and running stage of a video is done, or null when nothing is left
 * to do. Stages that finished say how this device does on this video: the priors are scaled by
 * their actual ÷ expected time, so the estimate settles as stages finish instead of jumping.
 */
export function videoSecondsLeft(duration: number, stages: StageTiming[]): number | null {
  const finished = stages.filter((s) => s.state === 'done' && s.seconds !== undefined);
  const expected = finished.reduce((sum, s) => sum + priorSeconds(s.stage, duration), 0);
  const actual = finished.reduce((sum, s) => sum + (s.seconds ?? 0), 0);
  // Clamped: one odd stage (a cached model, a skipped lane) shouldn't swing the rest tenfold.
  const pace = expected > 0 ? Math.min(4, Math.max(0.25, actual / expected)) : 1;
  const left = stages
    .filter((s) => s.state === 'queued' || s.state === 'running')
    .map((s) =>
      s.state === 'running' && s.secondsLeft !== undefined
        ? s.secondsLeft
        : pace * priorSeconds(s.stage, duration) * (1 - (s.state === 'running' ? s.progress : 0)),
    );
  return left.length === 0 ? null : left.reduce((a, b) => a + b, 0);
}

/** "Ready in about 2 min", "Ready in a few seconds". */
export function describeReadyIn(seconds: number): string {
  if (seconds < 10) return 'Ready in a few seconds';
  if (seconds < 90) return `Ready in about ${Math.round(seconds / 10) * 10} s`;
  if (seconds < 3600) return `Ready in about ${Math.round(seconds / 60)} min`;
  const hours = Math.floor(seconds / 3600);
  return `Ready in about ${hours} h ${Math.round((seconds % 3600) / 60)} min`;
}
