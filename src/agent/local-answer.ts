import type { ChatCompletionMessageParam } from './chat-types';

/** Facts handed to the local model: small models lose the thread (and the fixture its tokens) in long prompts. */
const MAX_FACT_CHARS = 800;

const LOCAL_PROMPT =
  'You are BRI, a warm and concise assistant for the person’s own video. Answer the question ' +
  'using only the facts below. Keep every [mm:ss] time exactly as written, next to what it ' +
  "supports. If the facts don't answer the question, say so kindly.";

/** Writes a local model's prompt: BRI's short persona, the tools' cited facts and the question. */
export function localMessages(question: string, facts: string): ChatCompletionMessageParam[] {
  const trimmed = facts.length > MAX_FACT_CHARS ? `${facts.slice(0, MAX_FACT_CHARS)}…` : facts;
  return [
    { role: 'system', content: LOCAL_PROMPT },
    { role: 'user', content: `Facts from the video:\n${trimmed}\n\nQuestion: ${question}` },
  ];
}

/** The conversation in the plain shape a local chat template takes. */
export function plainMessages(
  messages: ChatCompletionMessageParam[],
): { role: 'system' | 'user' | 'assistant'; content: string }[] {
  return messages.flatMap((m) =>
    (m.role === 'system' || m.role === 'user' || m.role === 'assistant') &&
    typeof m.content === 'string'
      ? [{ role: m.role, content: m.content }]
      : [],
  );
}
