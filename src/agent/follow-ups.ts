import type { ToolCallRecord } from './chat-types';
import { formatTimestamp } from '../tools/moments';

/** Questions that make sense for any video, offered when the answer suggests nothing better. */
const GENERAL = [
  'What is this video about?',
  'Is there any text on screen?',
  'When do people appear?',
  'What is said at the beginning?',
];

/** The first moment a tool call found, if any. */
function firstMoment(call: ToolCallRecord): number | null {
  if (!call.outcome.ok) return null;
  const result = call.outcome.result as Record<
    string,
    { t?: number; start?: number }[] | undefined
  >;
  for (const key of ['ranges', 'results', 'matches']) {
    const hit = result[key]?.[0];
    if (hit) return hit.start ?? hit.t ?? null;
  }
  return null;
}

/**
 * One to three follow-up questions after an answer: a closer look at the first moment it found,
 * then questions the tools answer well that weren't just asked.
 */
export function suggestFollowUps(question: string, toolCalls: ToolCallRecord[]): string[] {
  const asked = question.trim().toLowerCase();
  const suggestions: string[] = [];
  const moment = toolCalls.map(firstMoment).find((t) => t !== null);
  if (moment !== undefined && moment !== null)
    suggestions.push(`What happens at ${formatTimestamp(moment).slice(1, -1)}?`);
  const used = new Set(toolCalls.map((call) => call.name));
  if (used.has('find_object') && !used.has('search_transcript'))
    suggestions.push('What is said while it is on screen?');
  for (const general of GENERAL) suggestions.push(general);
  return [...new Set(suggestions)].filter((s) => s.toLowerCase() !== asked).slice(0, 3);
}
