/** What a person takes away from a video: exports, chapters, clips and translations. */
export { exportVideo } from '../library/exports/export-video';
export { exportClip, exportHighlights } from '../library/exports/clips';
export { makeChapters } from '../library/chapters/make-chapters';
export { toChapterList } from '../library/chapters/chapter-formats';
export { cancelClip, dismissClip, saveHighlights, saveMomentClip } from '../library/clip-actions';
export { startTranslation, stopTranslation } from '../library/translation-actions';
export { translateVideo } from '../library/translation/translate-video';
