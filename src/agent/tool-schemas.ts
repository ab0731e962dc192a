import { listTools } from '../tools/registry';
import type { ChatCompletionTool } from './chat-types';

/** The registry's tools in the OpenAI `tools` shape Groq takes. */
export function toolsForModel(): ChatCompletionTool[] {
  return listTools().tools.map(({ name, description, inputSchema }) => {
    // The JSON Schema dialect marker means nothing to the model; it only costs tokens.
    const parameters = { ...inputSchema };
    delete parameters.$schema;
    return { type: 'function', function: { name, description, parameters } };
  });
}

/** Rough tokens of a text (≈ 4 characters each in English JSON): enough to keep under a budget. */
export const approxTokens = (text: string) => Math.ceil(text.length / 4);

/**
 * A tool outcome as the text sent back to the model, within `budget` tokens: long lists are cut
 * (best results come first) and marked `truncated`, so one big result can't crowd out the rest
 * of the conversation.
 */
export function trimForModel(outcome: unknown, budget: number): string {
  let text = JSON.stringify(outcome);
  if (approxTokens(text) <= budget) return text;
  for (let keep = 16; keep >= 1; keep = Math.floor(keep / 2)) {
    text = JSON.stringify(cutLists(outcome, keep));
    if (approxTokens(text) <= budget) return text;
  }
  return JSON.stringify({ truncated: true, preview: text.slice(0, budget * 4 - 60) });
}

function cutLists(value: unknown, keep: number): unknown {
  if (Array.isArray(value)) {
    const kept = value.slice(0, keep).map((item) => cutLists(item, keep));
    return value.length > keep ? [...kept, { truncated: value.length - keep }] : kept;
  }
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cutLists(v, keep)]));
  return value;
}
