import type { LibraryHitRow } from '../tools/defs/search-library';
import { APP_TOOL_CONTEXT } from '../tools/app-context';
import { executeTool } from '../tools/registry';
import type { ToolContext } from '../tools/tool';

/** One moment in the library that matches a search. */
export interface LibraryHit {
  video_id: string;
  t: number;
  /** What matched: the speech, a frame's description, an object detected, or text on screen. */
  kind: LibraryHitRow['kind'];
  text: string;
  score: number;
}

/**
 * Searches every video at once (the `search_library` tool): what is said, what the frames show,
 * the objects detected and on-screen text; the best moments first. A source that can't answer yet
 * (say, captions still running) just contributes nothing.
 */
export async function searchLibrary(
  query: string,
  context: ToolContext = APP_TOOL_CONTEXT,
): Promise<LibraryHit[]> {
  const outcome = await executeTool('search_library', { query }, context);
  if (!outcome.ok) return [];
  const { hits } = outcome.result as { hits: LibraryHitRow[] };
  return hits.map((hit) => ({
    video_id: hit.video_id,
    t: hit.start,
    kind: hit.kind,
    text: hit.said ?? hit.seen ?? hit.detected ?? hit.on_screen ?? '',
    score: hit.score,
  }));
}
