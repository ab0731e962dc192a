import type { VideoRecord } from '../db';
import { routeQuery } from '../tools/query/route-query';
import type { ToolOutcome } from '../tools/tool-types';
import type { ToolCallRecord } from './chat-types';
import { formatTimestamp as at } from './citations';

type Execute = (name: string, args: unknown) => Promise<ToolOutcome>;
type Hit = {
  video_id?: string;
  t?: number;
  start?: number;
  end?: number;
  text?: string;
  caption?: string;
  texts?: string[];
  label?: string;
};

const span = (h: Hit) =>
  h.start !== undefined && h.end !== undefined && h.end - h.start >= 1
    ? `${at(h.start)}–${at(h.end)}`
    : at(h.t ?? h.start ?? 0);

/** Keeps hits inside the question's time span ("in the first minute"), if it named one. */
function inSpan(hits: Hit[], range: { start: number; end: number } | null): Hit[] {
  if (!range) return hits;
  return hits.filter(
    (h) => (h.end ?? h.t ?? 0) >= range.start && (h.start ?? h.t ?? 0) <= range.end,
  );
}

/** One tool's result as a sentence or a short list, every moment cited. */
function describe(
  name: string,
  result: Record<string, unknown>,
  range: { start: number; end: number } | null,
): string {
  const list = (key: string) => inSpan((result[key] as Hit[] | undefined) ?? [], range);
  switch (name) {
    case 'find_object': {
      const ranges = list('ranges');
      const label = String(result.label);
      return ranges.length
        ? `I can see ${label === 'people' ? 'people' : `a ${label}`} at ${ranges.slice(0, 6).map(span).join(', ')}.`
        : `I couldn't find a ${label}${range ? ' then' : ''}.`;
    }
    case 'search_transcript': {
      const hits = list('results').slice(0, 3);
      return hits.length
        ? `What is said:\n${hits.map((h) => `- ${at(h.start ?? 0)} “${h.text}”`).join('\n')}`
        : "I couldn't find that in what is said.";
    }
    case 'search_captions': {
      const hits = list('results').slice(0, 3);
      return hits.length
        ? `What the frames show:\n${hits.map((h) => `- ${at(h.t ?? 0)} ${h.caption}`).join('\n')}`
        : '';
    }
    case 'search_frames': {
      const hits = list('results').slice(0, 3);
      return hits.length
        ? `Frames that look like that: ${hits.map((h) => at(h.t ?? 0)).join(', ')}.`
        : '';
    }
    case 'search_on_screen_text': {
      const hits = list('matches').slice(0, 3);
      return hits.length
        ? `On screen:\n${hits.map((h) => `- ${span(h)} “${h.texts?.join(' / ')}”`).join('\n')}`
        : "I couldn't find those words on screen.";
    }
    case 'get_context_at': {
      const objects = (result.objects as { label: string }[]).map((o) => o.label);
      const said = (result.transcript as Hit[]).map((s) => s.text).join(' ');
      const shown = (result.on_screen_text as string[]).join(' / ');
      const parts = [
        said && `someone says “${said}”`,
        objects.length && `I can see ${objects.join(', ')}`,
        shown && `the screen reads “${shown}”`,
      ].filter(Boolean);
      return `Around ${at(Number(result.t))}: ${parts.length ? parts.join('; ') : 'nothing is indexed there yet'}.`;
    }
    case 'get_video_overview': {
      const videos = result.videos as {
        name: string;
        duration: number;
        scenes: unknown[];
        language: string | null;
        top_objects: { label: string }[];
        indexed: Record<string, string>;
      }[];
      return videos
        .map((v) => {
          const pending = Object.entries(v.indexed)
            .filter(([, state]) => state !== 'done' && state !== 'skipped')
            .map(([stage]) => stage);
          const objects = v.top_objects.slice(0, 4).map((o) => o.label);
          return [
            `“${v.name}” is ${at(v.duration).slice(1, -1)} long with ${v.scenes.length} scenes${v.language ? `, spoken in ${v.language}` : ''}.`,
            objects.length ? `Mostly visible: ${objects.join(', ')}.` : '',
            pending.length ? `I'm still working on: ${pending.join(', ')}.` : '',
          ]
            .filter(Boolean)
            .join(' ');
        })
        .join('\n');
    }
    default:
      return '';
  }
}

/**
 * An answer with no language model (no API key, or offline): the query router picks the tools,
 * and each result becomes a short cited sentence. Plain, but every moment is real.
 */
export async function answerWithTools(
  question: string,
  video: VideoRecord | null,
  execute: Execute,
) {
  const route = routeQuery(question, video?.duration ?? 0);
  const asked = route.time.find((r) => r.kind === 'range');
  const range = asked?.kind === 'range' ? { start: asked.start, end: asked.end } : null;
  const toolCalls: ToolCallRecord[] = [];
  const sentences: string[] = [];
  for (const { tool, args } of route.plan) {
    const full = video ? { ...args, video_id: video.id } : args;
    const outcome = await execute(tool, full);
    toolCalls.push({
      id: `local-${toolCalls.length}`,
      name: tool,
      arguments: JSON.stringify(full),
      outcome,
    });
    if (outcome.ok)
      sentences.push(describe(tool, outcome.result as Record<string, unknown>, range));
  }
  const text =
    sentences.filter(Boolean).join('\n\n') ||
    "I couldn't find anything about that in this video yet.";
  return { text, toolCalls };
}
