import { proxy } from 'comlink';
import { rememberRace } from '../shared/backend-memory';
import type { FrameInput } from '../shared/frame-results';
import type { WorkProgress } from '../shared/model-progress';
import type { ResolvedModel } from '../shared/model-spec';

/** What a long model call reports: model loading and how much work is done. */
export type OnWorkProgress = (progress: WorkProgress) => void;

/** Callbacks of a per-frame model call: each frame's result as it is done, and progress. */
export interface FrameCallbacks<Result> {
  onFrame: (result: Result) => Promise<void>;
  onProgress: OnWorkProgress;
}

/** For calls whose progress nobody shows. */
export const ignoreProgress: OnWorkProgress = () => undefined;

/** A per-frame model call as the bridges offer it. */
export type FrameCall<Result> = (
  signal: AbortSignal,
  model: ResolvedModel,
  frames: FrameInput[],
  callbacks: FrameCallbacks<Result>,
) => Promise<{ device: string; seconds: number }>;

/**
 * A model call's progress callback as handed to its worker: a backend race the worker reports
 * with its model's "ready" is remembered on the way, so the next load on this device skips it.
 */
export function modelProgress(onProgress: OnWorkProgress) {
  return proxy((progress: WorkProgress) => {
    if (progress.status === 'ready' && progress.race) rememberRace(progress.race);
    onProgress(progress);
  });
}
