import { APP_TOOL_CONTEXT } from '../tools/app-context';
import { executeTool } from '../tools/registry';
import type { ToolContext } from '../tools/tool';

/** One moment in the library that matches a search. */
export interface LibraryHit {
  video_id: string;
  t: number;
  /** What matched: the speech, a frame's description, an object detected, or text on screen. */
  kind: 'said' | 'seen' | 'detected' | 'on screen';
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

/** Where each kind of hit comes from: the tool, the list in its result, and the row's time and text. */
const SOURCES: {
  tool: string;
  args: (query: string) => Record<string, unknown>;
  list: string;
  kind: LibraryHit['kind'];
  at: (row: Row) => unknown;
  text: (row: Row) => string;
}[] = [
  {
    tool: 'search_transcript',
    args: (query) => ({ query, top_k: TOP }),
    list: 'results',
    kind: 'said',
    at: (r) => r.start,
    text: (r) => String(r.text),
  },
  {
    tool: 'search_captions',
    args: (query) => ({ query, top_k: TOP }),
    list: 'results',
    kind: 'seen',
    at: (r) => r.t,
    text: (r) => String(r.caption),
  },
  {
    // "bus", "people", "a vehicle": where the detector saw it (the other tools never say so).
    tool: 'find_object',
    args: (query) => ({ label: query }),
    list: 'ranges',
    kind: 'detected',
    at: (r) => r.start,
    text: (r) => String(r.label),
  },
  {
    tool: 'search_on_screen_text',
    args: (query) => ({ query }),
    list: 'matches',
    kind: 'on screen',
    at: (r) => r.start,
    text: (r) => (Array.isArray(r.texts) ? r.texts.join(' · ') : ''),
  },
];

/**
 * Searches every video at once with the tools' cross-video mode (no video_id): what is said,
 * what the frames show, the objects detected and on-screen text; the best moments first. A tool that can't answer yet
 * (say, captions still running) just contributes nothing.
 */
export async function searchLibrary(
  query: string,
  context: ToolContext = APP_TOOL_CONTEXT,
): Promise<LibraryHit[]> {
  const outcomes = await Promise.all(
    SOURCES.map((source) => executeTool(source.tool, source.args(query), context)),
  );
  const hits = SOURCES.flatMap((source, i) => {
    const outcome = outcomes[i];
    if (!outcome?.ok) return [];
    return rows(outcome.result, source.list).map((row) => ({
      video_id: String(row.video_id),
      t: Number(source.at(row)),
      kind: source.kind,
      text: source.text(row),
      score: Number(row.score ?? row.max_confidence),
    }));
  });
  return hits.sort((a, b) => b.score - a.score).slice(0, TOP);
}
