import { formatCueTime } from '../../shared/format';
import { formatDuration } from '../../shared/format';
import type { Chapter } from './scene-chapters';

/**
 * Chapters as a WebVTT chapters track (`<track kind="chapters">`): one cue per chapter, its
 * title the cue text, escaped as WebVTT requires.
 */
export function toVttChapters(chapters: readonly Chapter[]): string {
  const cues = chapters.map((chapter, i) => {
    const title = chapter.title
      .replace(/\s+/g, ' ')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/-->/g, '--&gt;');
    return `${i + 1}\n${formatCueTime(chapter.start, '.')} --> ${formatCueTime(chapter.end, '.')}\n${title}\n`;
  });
  return ['WEBVTT\n', ...cues].join('\n');
}

/**
 * "0:00 Title" lines, one per chapter, ready to paste into a video description (the form video
 * sites turn into chapters: the first at 0:00, times as players show them).
 */
export function toChapterList(chapters: readonly Chapter[]): string {
  return chapters
    .map((c) => `${formatDuration(c.start)} ${c.title.replace(/\s+/g, ' ').trim()}`)
    .join('\n')
    .concat('\n');
}
