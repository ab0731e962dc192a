/** Analysis control: run, cancel, retry, put first, wait for, and say how long is left. */
export {
  analyseVideo,
  cancelAnalysis,
  focusVideo,
  retryAnalysis,
} from '../pipeline/analysis-queue';
export { whenIndexed } from '../pipeline/when-indexed';
export { describeTimeLeft } from '../pipeline/time-left';
export { describeReadyIn } from '../pipeline/video-time-left';
export { stillProcessingFor } from '../agent/still-processing';
export type { StageRecord } from '../db';
