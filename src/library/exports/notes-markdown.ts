import { formatTimestamp } from '../../tools/moments';
import { formatDuration } from '../../shared/format';
import type { Chapter } from '../chapters/scene-chapters';

/** Everything the Markdown notes of one video are written from. */
export interface VideoNotes {
  name: string;
  duration: number;
  language: string | null;
  /** Stage name → state, to say what the notes could not include yet. */
  indexed: Record<string, string>;
  topObjects: readonly { label: string; seconds: number }[];
  onScreenText: readonly string[];
  speechSeconds: number;
  chapters: readonly Chapter[];
  turns: readonly { question: string; answer: string; createdAt: number }[];
  /** Who spoke and for how long, most first (empty: one voice, or not told apart). */
  speakers?: readonly { name: string; seconds: number; turns: number }[];
  exportedAt: number;
}

/** Markdown's inline specials in text that came from a model or the user, escaped. */
function escapeInline(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

function summaryLines(notes: VideoNotes): string[] {
  const lines = [`- Length: ${formatDuration(notes.duration)}`];
  if (notes.language) lines.push(`- Spoken language: ${notes.language}`);
  if (notes.speechSeconds > 0) lines.push(`- Speech: ${formatDuration(notes.speechSeconds)}`);
  if (notes.speakers?.length)
    lines.push(
      `- Speakers: ${notes.speakers
        .map((s) => `${escapeInline(s.name)} (${formatDuration(s.seconds)}, ${s.turns} turns)`)
        .join(', ')}`,
    );
  if (notes.topObjects.length > 0)
    lines.push(
      `- Seen most: ${notes.topObjects
        .map((o) => `${escapeInline(o.label)} (${formatDuration(o.seconds)})`)
        .join(', ')}`,
    );
  if (notes.onScreenText.length > 0)
    lines.push(`- On screen: ${notes.onScreenText.map((t) => `“${escapeInline(t)}”`).join(', ')}`);
  const pending = Object.entries(notes.indexed).filter(([, state]) => state !== 'done');
  if (pending.length > 0)
    lines.push(
      `- Not analysed yet: ${pending.map(([stage, state]) => `${stage} (${state})`).join(', ')}`,
    );
  return lines;
}

/**
 * A video's notes as Markdown: a summary, chapters from its scenes and the conversation, every
 * moment as `[mm:ss]` as BRI's answers write them.
 */
export function toNotesMarkdown(notes: VideoNotes): string {
  const out = [`# ${escapeInline(notes.name)}`, '', '## Summary', '', ...summaryLines(notes), ''];
  out.push('## Chapters', '');
  if (notes.chapters.length === 0) out.push('_No scenes detected yet._');
  for (const chapter of notes.chapters)
    out.push(`- ${formatTimestamp(chapter.start)} ${escapeInline(chapter.title)}`);
  out.push('', '## Questions and answers', '');
  if (notes.turns.length === 0) out.push('_No questions asked yet._', '');
  for (const turn of notes.turns) {
    // The answer is BRI's own Markdown (with its [mm:ss] citations): kept as written.
    out.push(`### ${escapeInline(turn.question)}`, '', turn.answer.trim(), '');
  }
  out.push(`_Exported from BRI on ${new Date(notes.exportedAt).toISOString().slice(0, 10)}._`, '');
  return out.join('\n');
}
