import { z } from 'zod';
import { VIDEO_ID, videosInScope } from '../scope';
import { round } from '../text-search';
import { defineTool, withContentKinds, type Tool, type ToolContext } from '../tool';
import { findObject } from './find-object';
import { searchCaptions } from './search-captions';
import { searchOnScreenText } from './search-on-screen-text';
import { searchTranscript } from './search-transcript';

/** Hits returned at most. */
const TOP = 12;

/**
 * One moment in the library that matches: what was said, seen (a frame's caption), detected (an
 * object) or written on screen — each in its own field, so what the person keeps on the device is
 * withheld by its kind alone.
 */
export interface LibraryHitRow {
  video_id: string;
  kind: 'said' | 'seen' | 'detected' | 'on screen';
  start: number;
  end: number;
  score: number;
  said?: string;
  seen?: string;
  detected?: string;
  on_screen?: string;
}

type Row = Record<string, unknown>;
const rowsOf = (value: unknown, key: string): Row[] => {
  const list = (value as Record<string, unknown> | undefined)?.[key];
  return Array.isArray(list) ? (list as Row[]) : [];
};

/** Where each kind of hit comes from: the tool, its arguments, the list in its result, the row's text. */
const SOURCES: {
  tool: Tool;
  args: (query: string) => Record<string, unknown>;
  list: string;
  kind: LibraryHitRow['kind'];
  field: 'said' | 'seen' | 'detected' | 'on_screen';
  span: (row: Row) => [unknown, unknown];
  text: (row: Row) => string;
}[] = [
  {
    tool: searchTranscript as Tool,
    args: (query) => ({ query, top_k: TOP }),
    list: 'results',
    kind: 'said',
    field: 'said',
    span: (r) => [r.start, r.end],
    text: (r) => String(r.text),
  },
  {
    tool: searchCaptions as Tool,
    args: (query) => ({ query, top_k: TOP }),
    list: 'results',
    kind: 'seen',
    field: 'seen',
    span: (r) => [r.t, r.t],
    text: (r) => String(r.caption),
  },
  {
    // "bus", "people", "a vehicle": where the detector saw it (the other tools never say so).
    tool: findObject as Tool,
    args: (query) => ({ label: query }),
    list: 'ranges',
    kind: 'detected',
    field: 'detected',
    span: (r) => [r.start, r.end],
    text: (r) => String(r.label),
  },
  {
    tool: searchOnScreenText as Tool,
    args: (query) => ({ query }),
    list: 'matches',
    kind: 'on screen',
    field: 'on_screen',
    span: (r) => [r.start, r.end],
    text: (r) => (Array.isArray(r.texts) ? r.texts.join(' · ') : ''),
  },
];

/** One source's hits; a source that can't answer (captions still running, no such object) has none. */
async function hitsFrom(
  source: (typeof SOURCES)[number],
  query: string,
  context: ToolContext,
): Promise<LibraryHitRow[]> {
  const parsed = source.tool.parameters.safeParse(source.args(query));
  if (!parsed.success) return [];
  try {
    // Straight to the tool: search_library's own result is what the tool-result cache keeps.
    const result = await source.tool.execute(parsed.data as Record<string, unknown>, context);
    return rowsOf(result, source.list).map((row) => {
      const [start, end] = source.span(row);
      return {
        video_id: String(row.video_id),
        kind: source.kind,
        start: Number(start),
        end: Number(end),
        score: round(Number(row.score ?? row.max_confidence)),
        [source.field]: source.text(row),
      };
    });
  } catch {
    return [];
  }
}

/** What is said, seen, detected or written on screen across every video, best moments first. */
export const searchLibrary = withContentKinds(
  defineTool({
    name: 'search_library',
    description:
      'Search every video in the library at once (or one, with video_id): what is said, what the ' +
      'frames show, the objects detected and the text on screen. Returns the best moments first, ' +
      'each with its video_id, kind (said, seen, detected, on screen), start/end seconds and text.',
    parameters: z.object({
      video_id: VIDEO_ID,
      query: z.string().trim().min(1).describe('Words, an object or a phrase to look for.'),
    }),
    cached: { models: ['textEmbed'] },
    async execute({ video_id, query }, context) {
      await videosInScope(video_id, context); // An unknown id is an error, not "no hits".
      const scoped = (source: (typeof SOURCES)[number]) => ({
        ...source,
        args: (q: string) => ({ ...source.args(q), ...(video_id ? { video_id } : {}) }),
      });
      const found = await Promise.all(SOURCES.map((s) => hitsFrom(scoped(s), query, context)));
      const hits = found
        .flat()
        .sort((a, b) => b.score - a.score)
        .slice(0, TOP);
      return { query, hits };
    },
  }),
  {
    hits: {
      said: 'transcript',
      seen: 'captions',
      detected: 'objectNames',
      on_screen: 'onScreenText',
    },
  },
);
