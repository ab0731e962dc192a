import type { WorkProgress } from '../shared/model-progress';

/** What a long model call reports: model loading and how much work is done. */
export type OnWorkProgress = (progress: WorkProgress) => void;

/** Callbacks of a per-frame model call: each frame's result as it is done, and progress. */
export interface FrameCallbacks<Result> {
  onFrame: (result: Result) => Promise<void>;
  onProgress: OnWorkProgress;
}

/** For calls whose progress nobody shows. */
export const ignoreProgress: OnWorkProgress = () => undefined;
