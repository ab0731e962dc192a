import type { VideoRecord } from '../db';
import { routeQuery } from '../tools/query/route-query';
import { describeOutcome } from '../tools/registry';
import type { ToolOutcome } from '../tools/tool-types';
import type { ToolCallRecord } from './chat-types';

type Execute = (name: string, args: unknown) => Promise<ToolOutcome>;
/**
 * An answer with no language model (no API key, or offline): the query router picks the tools,
 * and each result becomes a short cited sentence (each tool's own `describe`). Plain, but every
 * moment is real.
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
    sentences.push(describeOutcome(outcome, range));
  }
  const text =
    sentences.filter(Boolean).join('\n\n') ||
    "I couldn't find anything about that in this video yet.";
  return { text, toolCalls };
}
