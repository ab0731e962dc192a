import { TOOL_DATA_NOTICE } from '../../src/agent/untrusted-content';
import type { ChatRequest, ScriptedReply } from './fake-groq';

/** The cues a translation request asked for (its quoted data, after the data notice). */
export function askedCues(request: ChatRequest): { id: number; text: string }[] {
  const user = request.messages.find((m) => m.role === 'user')?.content ?? '';
  return (
    JSON.parse(user.slice(TOOL_DATA_NOTICE.length + 1)) as { cues: { id: number; text: string }[] }
  ).cues;
}

/**
 * A reply as a translating model gives it: every cue it was sent, with `prefix` before its text
 * (so a test can tell the translation from the original and trace each line back).
 */
export const translatorReply =
  (prefix: string) =>
  (request: ChatRequest): ScriptedReply => ({
    text: JSON.stringify({
      cues: askedCues(request).map((c) => ({ id: c.id, text: `${prefix} ${c.text}` })),
    }),
  });
