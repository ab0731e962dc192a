import { APP_TOOL_CONTEXT } from '../tools/app-context';
import { executeTool } from '../tools/registry';
import type { ToolContext } from '../tools/tool';

/** One moment in the library that matches a search. */
export interface LibraryHit {
  video_id: string;
  t: number;
  /** What matched: the speech, a frame's description, or text on screen. */
  kind: 'said' | 'seen' | 'on screen';
  text: string;
  score: number;
}

/** Hits shown at most. */
const TOP = 12;

type Row = Record<string, unknown>;
const rows = (value: unknown, key: string): Row[] => {
  const list = (value as Record<string, unknown> | undefined)?.[key];
  return Array.isArray(list) ? (list as Row[]) : [];
};

/**
 * Searches every video at once with the tools' cross-video mode (no video_id): what is said,
 * what the frames show, and on-screen text; the best moments first. A tool that can't answer yet
 * (say, captions still running) just contributes nothing.
 */
export async function searchLibrary(
  query: string,
  context: ToolContext = APP_TOOL_CONTEXT,
): Promise<LibraryHit[]> {
  const [said, seen, written] = await Promise.all([
    executeTool('search_transcript', { query, top_k: TOP }, context),
    executeTool('search_captions', { query, top_k: TOP }, context),
    executeTool('search_on_screen_text', { query }, context),
  ]);
  const hits: LibraryHit[] = [];
  if (said.ok)
    for (const r of rows(said.result, 'results'))
      hits.push({
        video_id: String(r.video_id),
        t: Number(r.start),
        kind: 'said',
        text: String(r.text),
        score: Number(r.score),
      });
  if (seen.ok)
    for (const r of rows(seen.result, 'results'))
      hits.push({
        video_id: String(r.video_id),
        t: Number(r.t),
        kind: 'seen',
        text: String(r.caption),
        score: Number(r.score),
      });
  if (written.ok)
    for (const r of rows(written.result, 'matches'))
      hits.push({
        video_id: String(r.video_id),
        t: Number(r.start),
        kind: 'on screen',
        text: (r.texts as string[]).join(' · '),
        score: Number(r.score),
      });
  return hits.sort((a, b) => b.score - a.score).slice(0, TOP);
}
