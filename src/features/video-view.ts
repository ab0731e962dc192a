/**
 * What the video screen reads: the rows its timeline and transcript watch, frame thumbnails,
 * and the whole stored index (`window.bri.getIndex`, `status`, `frameAt`).
 */
export { translationOf, watchTimelineRows, watchTranslation, type VideoTimelineRows } from '../db';
export { nearestFrameImage } from '../library/frame-image';
export { frameAt, getIndex, status } from './video-index';
export type { MediaIndex, StageStatus, VideoStatus } from './video-index-types';
