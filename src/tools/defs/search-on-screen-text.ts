import { formatSpan, inSpan } from '../moments';
import { z } from 'zod';
import { listFrameTimes, listTextRanges, type TextRangeRecord } from '../../db';
import { rangeGap } from '../../pipeline/object-tracks';
import { VIDEO_ID, videosInScope } from '../scope';
import { round } from '../text-search';
import { terms, words } from '../text/tokenize';
import { defineTool, type ToolContext, withContentKinds } from '../tool';
import { memoByVersion, stageDone, withVersions } from '../versioned-memo';

/** Letters and digits only: OCR of small slide text often drops or adds spaces and dashes. */
const squash = (text: string) => words(text).join('');

/**
 * How well lines of OCR text match the query, 0–1: 1 when the whole query appears in a line
 * (spaces and punctuation ignored), else the share of the query's words found in it. The lines
 * come `squash`ed; the query is read once, not once per line.
 */
function lineMatcher(query: string): (squashedLine: string) => number {
  const whole = squash(query);
  const wanted = words(query).filter((word) => terms(word).length > 0);
  return (line) => {
    if (whole.length > 0 && line.includes(whole)) return 1;
    if (wanted.length === 0) return 0;
    return wanted.filter((word) => line.includes(word)).length / wanted.length;
  };
}

/** How well one line of OCR text matches the query, 0–1 (see `lineMatcher`). */
export function matchText(query: string, text: string): number {
  return lineMatcher(query)(squash(text));
}

interface TextMatch {
  video_id: string;
  texts: string[];
  start: number;
  end: number;
  score: number;
}

/** One video's matching lines, merged where they are on screen at about the same time. */
async function matchesIn(videoId: string, version: string, query: string, context: ToolContext) {
  const { db } = context;
  const { rows, squashed, gap } = await memoByVersion(
    `${db.name}|${videoId}|text`,
    version,
    async () => {
      const [rows, times] = await Promise.all([
        listTextRanges(videoId, db),
        listFrameTimes(videoId, db),
      ]);
      return { rows, squashed: rows.map((row) => squash(row.text)), gap: rangeGap(times) };
    },
  );
  const match = lineMatcher(query);
  const scored = rows
    .map((row, i): [TextRangeRecord, number] => [row, match(squashed[i] ?? '')])
    .filter(([, score]) => score >= 0.5)
    .sort(([a], [b]) => a.start - b.start);
  const merged: TextMatch[] = [];
  for (const [row, score] of scored) {
    const last = merged.at(-1);
    if (last && row.start - last.end <= gap) {
      last.end = Math.max(last.end, row.end);
      last.score = Math.max(last.score, score);
      if (!last.texts.includes(row.text)) last.texts.push(row.text);
      continue;
    }
    merged.push({ video_id: videoId, texts: [row.text], start: row.start, end: row.end, score });
  }
  return merged;
}

/** Where words appear on screen (slides, signs, titles), from the OCR of the stored frames. */
export const searchOnScreenText = withContentKinds(
  defineTool({
    name: 'search_on_screen_text',
    description:
      'Find where words appear on screen (slides, titles, signs), read by OCR. Returns time ranges ' +
      '(start/end seconds) with the lines of text read there and a 0–1 match score, best first.',
    parameters: z.object({
      video_id: VIDEO_ID,
      query: z.string().trim().min(1).describe('The words to find on screen.'),
    }),
    async execute({ video_id, query }, context) {
      const videos = await videosInScope(video_id, context);
      const matches: TextMatch[] = [];
      const notes: string[] = [];
      for (const [video, index] of await withVersions(videos, context)) {
        if (!stageDone(index, 'text'))
          notes.push(`On-screen text of "${video.name}" is not read yet (still processing).`);
        matches.push(...(await matchesIn(video.id, index.version, query, context)));
      }
      matches.sort((a, b) => b.score - a.score || a.start - b.start);
      return { query, matches: matches.map((m) => ({ ...m, score: round(m.score) })), notes };
    },
    describe({ matches }, within) {
      const hits = inSpan(matches, within).slice(0, 3);
      return hits.length
        ? `On screen:\n${hits.map((h) => `- ${formatSpan(h)} “${h.texts.join(' / ')}”`).join('\n')}`
        : "I couldn't find those words on screen.";
    },
  }),
  { matches: { texts: 'onScreenText' } },
);
