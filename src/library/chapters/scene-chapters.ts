/** A stretch of the video with a title, made from one or more consecutive scenes. */
export interface Chapter {
  start: number;
  end: number;
  title: string;
}

/** What a chapter title can be made from: timed captions and transcript lines. */
export interface ChapterSources {
  captions: readonly { t: number; caption: string }[];
  transcript: readonly { start: number; text: string }[];
}

/** At most this many chapters, however many cuts the video has. */
const MAX_CHAPTERS = 20;
/** A chapter is at least this long (short scenes fold into the one before). */
const MIN_CHAPTER_SECONDS = 30;
const TITLE_WORDS = 10;

function firstWords(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  return words.length > TITLE_WORDS ? `${words.slice(0, TITLE_WORDS).join(' ')}…` : words.join(' ');
}

function titleFor(start: number, end: number, sources: ChapterSources, index: number): string {
  const caption = sources.captions.find((c) => c.t >= start && c.t < end && c.caption.trim());
  if (caption) return firstWords(caption.caption);
  const line = sources.transcript.find((s) => s.start >= start && s.start < end && s.text.trim());
  if (line) return firstWords(line.text);
  return `Part ${index + 1}`;
}

/**
 * Chapters from the detected scenes: consecutive scenes merge until a chapter is long enough
 * (30 s, or a twentieth of the video), each titled by its first caption, else its first words.
 */
export function chaptersFromScenes(
  scenes: readonly { start: number; end: number }[],
  duration: number,
  sources: ChapterSources,
): Chapter[] {
  const minLength = Math.max(MIN_CHAPTER_SECONDS, duration / MAX_CHAPTERS);
  const spans: { start: number; end: number }[] = [];
  for (const scene of [...scenes].sort((a, b) => a.start - b.start)) {
    const last = spans.at(-1);
    if (last && last.end - last.start < minLength) last.end = Math.max(last.end, scene.end);
    else spans.push({ start: scene.start, end: scene.end });
  }
  // A short tail folds into the chapter before it.
  const tail = spans.at(-1);
  const beforeTail = spans.at(-2);
  if (tail && beforeTail && tail.end - tail.start < minLength) {
    beforeTail.end = tail.end;
    spans.pop();
  }
  return spans.map((span, i) => ({ ...span, title: titleFor(span.start, span.end, sources, i) }));
}
