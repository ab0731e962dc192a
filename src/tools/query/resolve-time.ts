import type { VideoRecord } from '../../db';
import { executeTool } from '../registry';
import type { ToolContext } from '../tool';
import type { TimeReference } from './time-references';

interface Found {
  start: number;
  end: number;
}

/** Where an event ("bus", "slide about sports") first happens: objects, then on-screen text, then speech. */
async function locate(
  anchor: string,
  video: VideoRecord,
  context: ToolContext,
): Promise<Found | null> {
  const video_id = video.id;
  const objects = await executeTool('find_object', { video_id, label: anchor }, context);
  const ranges = objects.ok ? (objects.result as { ranges: Found[] }).ranges : [];
  if (ranges[0]) return ranges[0];
  const text = await executeTool('search_on_screen_text', { video_id, query: anchor }, context);
  const matches = text.ok ? (text.result as { matches: Found[] }).matches : [];
  if (matches[0]) return matches[0];
  const said = await executeTool(
    'search_transcript',
    { video_id, query: anchor, top_k: 1 },
    context,
  );
  return said.ok ? ((said.result as { results: Found[] }).results[0] ?? null) : null;
}

/**
 * Places every time reference of a question as a range of `video`: relations ("after the bus
 * scene") are looked up with the tools; a reference to an event that never happens is dropped.
 */
export async function resolveTimeReferences(
  refs: TimeReference[],
  video: VideoRecord,
  context: ToolContext,
): Promise<{ start: number; end: number; text: string }[]> {
  const ranges = [];
  for (const ref of refs) {
    if (ref.kind === 'moment') ranges.push({ start: ref.t, end: ref.t, text: ref.text });
    else if (ref.kind === 'range') ranges.push({ start: ref.start, end: ref.end, text: ref.text });
    else {
      const event = await locate(ref.anchor, video, context);
      if (!event) continue;
      ranges.push(
        ref.relation === 'after'
          ? { start: event.end, end: video.duration, text: ref.text }
          : { start: 0, end: event.start, text: ref.text },
      );
    }
  }
  return ranges;
}
