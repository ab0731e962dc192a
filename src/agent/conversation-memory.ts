import type { ChatTurnRecord } from '../db';
import type { ChatCompletionMessageParam } from './chat-types';

/** Turns sent word for word; older ones go in as a short summary. */
export const RECENT_TURNS = 6;
const SUMMARY_CHARS = 1200;

/** The first sentence of a text (answers lead with their point). */
const firstSentence = (text: string) => (/^[^.!?\n]*[.!?]?/.exec(text.trim())?.[0] ?? '').trim();

/**
 * A conversation as context for the next question: a summary of older turns (each question
 * and the first sentence of its answer), then the last `RECENT_TURNS` turns in full.
 */
export function memoryMessages(turns: ChatTurnRecord[]): ChatCompletionMessageParam[] {
  const older = turns.slice(0, -RECENT_TURNS);
  const recent = turns.slice(-RECENT_TURNS);
  const messages: ChatCompletionMessageParam[] = [];
  if (older.length > 0) {
    const lines = older.map((t) => `- Asked “${t.question}”; answered: ${firstSentence(t.answer)}`);
    let summary = lines.join('\n');
    if (summary.length > SUMMARY_CHARS) summary = `…${summary.slice(-SUMMARY_CHARS)}`;
    messages.push({ role: 'system', content: `Earlier in this conversation:\n${summary}` });
  }
  for (const turn of recent) {
    messages.push({ role: 'user', content: turn.question });
    messages.push({ role: 'assistant', content: turn.answer });
  }
  return messages;
}
