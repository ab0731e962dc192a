/**
 * What the video screen reads: the rows its timeline and transcript watch, frame thumbnails,
 * and the whole stored index (`window.bri.getIndex`, `status`, `frameAt`).
 */
export {
  translationOf,
  watchSpeakerAt,
  watchTimelineRows,
  watchTranslation,
  type VideoTimelineRows,
} from '../db';
export { nearestFrameImage } from '../library/frame-image';
/** Speakers: the person names them (everywhere at once) or turns a suggested name down. */
export { dismissSpeakerName, renameSpeaker, UnknownSpeakerError } from '../db';
export { frameAt, getIndex, status } from './video-index';
export type { MediaIndex, StageStatus, VideoStatus } from './video-index-types';
