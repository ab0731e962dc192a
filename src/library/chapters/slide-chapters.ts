import { chaptersFromScenes, type Chapter, type ChapterSources } from './scene-chapters';

/** What local chapters are made from: the shots, the text on screen, captions and speech. */
export interface ChapterEvidence extends ChapterSources {
  duration: number;
  scenes: readonly { start: number; end: number }[];
  texts: readonly { text: string; start: number; end: number }[];
}

/** Text too short to title a chapter: a page number, a logo, OCR noise. */
const MIN_TITLE_CHARS = 6;
/** A slide shown from this close to a shot's start opens it. */
const OPENS_WITHIN_S = 3;
/** Slides closer together than this are one chapter (a build-up of the same slide). */
const MIN_CHAPTER_S = 10;
const MAX_TITLE_CHARS = 80;

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The on-screen text that opens the shot, if any: the line shown longest within it. */
function slideTitle(
  shot: { start: number; end: number },
  texts: ChapterEvidence['texts'],
): string | null {
  let best: { text: string; seconds: number } | null = null;
  for (const range of texts) {
    const text = clean(range.text);
    if (text.length < MIN_TITLE_CHARS || !/\p{L}{3}/u.test(text)) continue;
    if (range.start > shot.start + OPENS_WITHIN_S || range.end <= shot.start) continue;
    const seconds = Math.min(range.end, shot.end) - Math.max(range.start, shot.start);
    if (!best || seconds > best.seconds) best = { text, seconds };
  }
  if (!best) return null;
  return best.text.length > MAX_TITLE_CHARS
    ? `${best.text.slice(0, MAX_TITLE_CHARS - 1)}…`
    : best.text;
}

/**
 * A recording with no picture (a voice memo) has no shots: its lines said stand in for them, so
 * its chapters are stretches of talk of at least 30 s titled by their first words.
 */
function chaptersFromSpeech(evidence: ChapterEvidence): Chapter[] {
  const lines = evidence.transcript.filter((l) => l.text.trim());
  const spans = lines.map((line, i) => ({
    start: i === 0 ? 0 : line.start,
    end: lines[i + 1]?.start ?? evidence.duration,
  }));
  return chaptersFromScenes(spans, evidence.duration, evidence);
}

/**
 * Chapters without a language model. A shot that opens on a slide (on-screen text) starts a
 * chapter titled by that slide, and the shots after it belong to it until the next slide — how
 * a lecture or a screen recording is structured. With fewer than two slides, the scenes are
 * merged into chapters titled by their captions (`chaptersFromScenes`). The first chapter always
 * starts at 0:00, as players and video sites expect.
 */
export function chaptersFromSlides(evidence: ChapterEvidence): Chapter[] {
  if (evidence.scenes.length === 0) return chaptersFromSpeech(evidence);
  const heads: { start: number; title: string }[] = [];
  for (const shot of [...evidence.scenes].sort((a, b) => a.start - b.start)) {
    const title = slideTitle(shot, evidence.texts);
    const last = heads.at(-1);
    if (!title || (last && shot.start - last.start < MIN_CHAPTER_S)) continue;
    if (last && last.title === title) continue; // The same slide again after a cut-away.
    heads.push({ start: shot.start, title });
  }
  if (heads.length < 2) return chaptersFromScenes(evidence.scenes, evidence.duration, evidence);
  const first = heads[0];
  if (first && first.start < MIN_CHAPTER_S) first.start = 0;
  else if (first) {
    const opening = chaptersFromScenes(
      evidence.scenes.filter((s) => s.start < first.start),
      first.start,
      evidence,
    );
    heads.unshift({ start: 0, title: opening[0]?.title ?? 'Opening' });
  }
  return heads.map((head, i) => ({
    start: head.start,
    end: heads[i + 1]?.start ?? evidence.duration,
    title: head.title,
  }));
}
