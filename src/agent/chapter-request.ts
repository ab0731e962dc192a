import { z } from 'zod';
import { parseTimestamp } from '../tools/moments';
import type { ContentKinds } from '../tools/content-kinds';
import { askGroqForJson, NotJsonError, type JsonRequest } from './groq-json';

/** The index of one video, as "Make chapters" sends it (the kinds kept back are withheld). */
export interface ChapterData {
  duration: number;
  scenes: { start: number; end: number; caption: string }[];
  transcript: { start: number; text: string }[];
  on_screen_text: { start: number; end: number; text: string }[];
}

/** Where chapter data holds the video's own words (egress.ts withholds what the person keeps). */
const CHAPTER_DATA_KINDS: ContentKinds<ChapterData> = {
  scenes: { caption: 'captions' },
  transcript: { text: 'transcript' },
  on_screen_text: { text: 'onScreenText' },
};

const INSTRUCTIONS =
  'You divide a video into chapters from its index: its scenes (with a caption each), what was said ' +
  '(transcript lines with their start in seconds) and the text shown on screen. ' +
  'Answer with one JSON object and nothing else: {"chapters":[{"start":<seconds>,"title":"<title>"}]}. ' +
  'Between 3 and 12 chapters (fewer for a short video), in time order, the first starting at 0. ' +
  'Each start must be a time from the data: a scene start, a transcript line start or an on-screen text start. ' +
  'Titles: 2 to 8 words saying what the chapter is about, in the language spoken in the video, ' +
  'using a slide title when one opens the chapter.';

/** Seconds as a number, or a "[mm:ss]" / "m:ss" string a model may write instead. */
const START = z.union([
  z.number().finite(),
  z
    .string()
    .transform((s) => s.trim())
    .transform((s) =>
      /^\d+(\.\d+)?$/.test(s) ? Number(s) : parseTimestamp(s.startsWith('[') ? s : `[${s}]`),
    )
    .pipe(z.number().finite()),
]);

const REPLY = z.object({
  chapters: z
    .array(z.object({ start: START, title: z.string() }))
    .min(1)
    .max(60),
});

/** Characters of transcript sent at most: a 2-hour talk must still fit a free tier's limits. */
const TRANSCRIPT_BUDGET_CHARS = 7_000;
/** Scenes and on-screen texts sent at most (a screen recording can have thousands of each). */
const MAX_SCENES = 80;
const MAX_TEXTS = 60;

/**
 * At most `max` items, taken evenly across the list so the whole video stays represented; a
 * list within the limit is sent whole.
 */
export function spreadOut<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  return Array.from({ length: max }, (_, i) => items[Math.floor((i * items.length) / max)] as T);
}

/** On-screen text, each distinct line once (its first showing), then spread out. */
function fitTexts(texts: ChapterData['on_screen_text']): ChapterData['on_screen_text'] {
  const seen = new Set<string>();
  const distinct = texts.filter((t) => {
    const key = t.text.trim().toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return spreadOut(distinct, MAX_TEXTS).map((t) => ({ ...t, text: t.text.slice(0, 80) }));
}

/** Lines of transcript sent at most: longer talks have consecutive lines joined first. */
const MAX_LINES = 150;

/**
 * The transcript cut to the budget without losing its shape: past MAX_LINES, consecutive lines
 * are joined (each group keeps its first start), then every line is shortened evenly — a long
 * talk keeps its second half instead of having it dropped.
 */
export function fitTranscript(
  lines: readonly { start: number; text: string }[],
  budget = TRANSCRIPT_BUDGET_CHARS,
): { start: number; text: string }[] {
  const size = Math.ceil(lines.length / MAX_LINES);
  const grouped =
    size <= 1
      ? lines.map((l) => ({ start: l.start, text: l.text.trim() }))
      : Array.from({ length: Math.ceil(lines.length / size) }, (_, i) => {
          const group = lines.slice(i * size, (i + 1) * size);
          return { start: group[0]?.start ?? 0, text: group.map((l) => l.text.trim()).join(' ') };
        });
  const total = grouped.reduce((sum, l) => sum + l.text.length, 0);
  if (total <= budget) return grouped;
  const perLine = Math.max(24, Math.floor(budget / grouped.length));
  return grouped.map((l) => ({
    start: l.start,
    text: l.text.length > perLine ? `${l.text.slice(0, perLine).trim()}…` : l.text,
  }));
}

/**
 * One Groq call: chapters for the video, as the model wrote them (starts in seconds, not yet
 * checked against the index — the caller does that). Rejects as `AgentError` (Groq failed) or
 * `NotJsonError` (the reply was not the chapters asked for).
 */
export async function askGroqForChapters(
  settings: JsonRequest['settings'],
  data: ChapterData,
  signal?: AbortSignal,
): Promise<{ chapters: { start: number; title: string }[]; model: string }> {
  const { json, model } = await askGroqForJson({
    settings,
    instructions: INSTRUCTIONS,
    kinds: CHAPTER_DATA_KINDS,
    purpose: 'chapters',
    data: {
      duration: data.duration,
      scenes: spreadOut(data.scenes, MAX_SCENES).map((s) => ({
        ...s,
        caption: s.caption.slice(0, 80),
      })),
      transcript: fitTranscript(data.transcript),
      on_screen_text: fitTexts(data.on_screen_text),
    },
    maxTokens: 1500,
    signal,
  });
  const parsed = REPLY.safeParse(json);
  if (!parsed.success) throw new NotJsonError('The model answered without a list of chapters.');
  return { chapters: parsed.data.chapters, model };
}
