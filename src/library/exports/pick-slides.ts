/** A stored frame as the deck sees it: its time, shot and the text read in it. */
export interface DeckFrame {
  t: number;
  sceneIndex: number;
  /** Lines read on screen, top to bottom (empty when none). */
  lines: string[];
}

/** One page of the deck: a slide or a shot, shown from `start` to `end`. */
export interface PickedSlide {
  /** The frame the page shows. */
  t: number;
  start: number;
  end: number;
  lines: string[];
  /** Other times the same slide came back (folded into this page). */
  alsoAt: number[];
}

/** Texts this alike (shared words over all words) are the same slide read twice. */
const SAME_SLIDE = 0.6;

/**
 * A text's words, made once per lines array: a long recording's pages are each compared with
 * every earlier page, and the same frame's text with its neighbours.
 */
const words = new WeakMap<readonly string[], Set<string>>();

function wordsOf(lines: readonly string[]): Set<string> {
  let found = words.get(lines);
  if (!found) {
    found = new Set(
      lines
        .join(' ')
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length > 1),
    );
    words.set(lines, found);
  }
  return found;
}

/** How alike two frames' texts are, 0–1 (1 for two frames with no text). */
export function textSimilarity(a: readonly string[], b: readonly string[]): number {
  const [x, y] = [wordsOf(a), wordsOf(b)];
  if (x.size === 0 && y.size === 0) return 1;
  let shared = 0;
  for (const word of x) if (y.has(word)) shared++;
  return shared / (x.size + y.size - shared);
}

/** Whether one text holds every word of the other (a slide built up line by line). */
function buildsOn(a: readonly string[], b: readonly string[]): boolean {
  const [x, y] = [wordsOf(a), wordsOf(b)];
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  return small.size > 0 && [...small].every((word) => large.has(word));
}

/** The text of a group so far: its last frame that had any. */
function textOf(group: readonly DeckFrame[]): string[] {
  for (let i = group.length - 1; i >= 0; i--) {
    const lines = group[i]?.lines ?? [];
    if (lines.length > 0) return lines;
  }
  return [];
}

/**
 * The deck's pages: each shot is a page, split where the text on screen changes (a slide
 * advanced without a cut) and folded where it repeats (the same slide again after a cut-away:
 * one page, its other times in `alsoAt`). A page shows its frame with the most text read, so a
 * slide's page is the slide fully built; a shot without text shows its middle frame.
 */
export function pickSlides(frames: readonly DeckFrame[], duration: number): PickedSlide[] {
  const sorted = [...frames].sort((a, b) => a.t - b.t);
  const groups: DeckFrame[][] = [];
  for (const frame of sorted) {
    const group = groups.at(-1);
    const last = group?.at(-1);
    // A frame where OCR read nothing stays on the slide before it (a missed read, not a change).
    // Within a shot, a slide that gains lines (a build-up) is the same slide.
    const before = textOf(group ?? []);
    const sameText =
      frame.lines.length === 0 ||
      textSimilarity(before, frame.lines) >= SAME_SLIDE ||
      buildsOn(before, frame.lines);
    if (group && last && last.sceneIndex === frame.sceneIndex && sameText) group.push(frame);
    else groups.push([frame]);
  }
  const pages: PickedSlide[] = [];
  groups.forEach((group, i) => {
    const start = group[0]?.t ?? 0;
    const end = groups[i + 1]?.[0]?.t ?? duration;
    const texted = group.reduce((best, f) => (f.lines.length > best.lines.length ? f : best));
    const shown =
      texted.lines.length > 0 ? texted : (group[Math.floor(group.length / 2)] ?? texted);
    const same = pages.find(
      (p) =>
        p.lines.length > 0 &&
        shown.lines.length > 0 &&
        textSimilarity(p.lines, shown.lines) >= SAME_SLIDE,
    );
    if (same) same.alsoAt.push(start);
    else pages.push({ t: shown.t, start, end, lines: shown.lines, alsoAt: [] });
  });
  return pages;
}

/** Mean grey difference (0–255) under which two small pictures are the same shot again. */
const SAME_LOOK = 12;

function lookDifference(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return a.length > 0 ? sum / a.length : Infinity;
}

/**
 * Folds a shot without text into an earlier page showing the same picture (footage cut back to,
 * a static camera returned to): one page, its other times in `alsoAt`. `looks` holds each page
 * frame's small grey picture (the same size for all); pages without one are kept.
 */
export function foldRepeatedShots(
  pages: readonly PickedSlide[],
  looks: ReadonlyMap<number, Float32Array>,
): PickedSlide[] {
  const kept: PickedSlide[] = [];
  for (const page of pages) {
    const look = looks.get(page.t);
    const same =
      page.lines.length === 0 && look
        ? kept.find((k) => {
            const other = looks.get(k.t);
            return k.lines.length === 0 && other && lookDifference(other, look) < SAME_LOOK;
          })
        : undefined;
    if (same) same.alsoAt.push(page.start, ...page.alsoAt);
    else kept.push({ ...page, alsoAt: [...page.alsoAt] });
  }
  return kept;
}
