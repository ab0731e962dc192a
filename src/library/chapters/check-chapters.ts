import { redact } from '../../diagnostics/redact';
import type { Chapter } from './scene-chapters';

/** A start within this of a moment in the index is that moment (answers round to seconds). */
const SNAP_S = 5;
/** Chapters closer than this are one (the later is dropped). */
const MIN_CHAPTER_S = 10;
const MAX_TITLE_CHARS = 80;

/** What a model's chapters are checked against: when things start in the video. */
export interface ChapterAnchors {
  duration: number;
  /** Scene starts, transcript line starts and on-screen text starts. */
  moments: readonly number[];
}

/**
 * A model's chapters held to the index, as the chat's citations are: each start must be a moment
 * the index has (a scene cut, a line said, a slide shown — snapped to it within 5 s) inside the
 * video; others are dropped and counted. Titles are one clean line (keys redacted, 80 chars at
 * most); chapters come out in order, at least 10 s apart, the first at 0:00, each ending where
 * the next begins.
 */
export function checkChapters(
  proposed: readonly { start: number; title: string }[],
  anchors: ChapterAnchors,
): { chapters: Chapter[]; dropped: number } {
  const moments = [0, ...anchors.moments].filter((t) => t >= 0 && t < anchors.duration);
  const kept: { start: number; title: string }[] = [];
  let dropped = 0;
  for (const chapter of [...proposed].sort((a, b) => a.start - b.start)) {
    const title = redact(chapter.title.replace(/\s+/g, ' ').trim()).slice(0, MAX_TITLE_CHARS);
    const nearest = moments.reduce<number | null>(
      (best, t) =>
        Math.abs(t - chapter.start) <= SNAP_S &&
        (best === null || Math.abs(t - chapter.start) < Math.abs(best - chapter.start))
          ? t
          : best,
      null,
    );
    const last = kept.at(-1);
    if (!title || nearest === null || (last && nearest - last.start < MIN_CHAPTER_S)) {
      dropped++;
      continue;
    }
    kept.push({ start: nearest, title });
  }
  const first = kept[0];
  if (first && first.start < MIN_CHAPTER_S) first.start = 0;
  else if (first) kept.unshift({ start: 0, title: 'Opening' });
  const chapters = kept.map((c, i) => ({
    start: c.start,
    end: kept[i + 1]?.start ?? anchors.duration,
    title: c.title,
  }));
  return { chapters, dropped };
}
