import { z } from 'zod';
import { askGroqForJson, NotJsonError, type JsonRequest } from './groq-json';

/** One line to translate: its id in the batch and its words. */
export interface CueToTranslate {
  id: number;
  text: string;
}

const instructions = (language: string) =>
  `You translate subtitles into ${language}. You get a JSON object with "cues": [{"id", "text"}]. ` +
  `Answer with one JSON object and nothing else: {"cues":[{"id":<the same id>,"text":"<the text in ${language}>"}]}, ` +
  'every id exactly once, in the same order. Translate each cue on its own: never merge, split, drop or ' +
  'reorder cues, keep names and numbers, and keep it as short as subtitles need. A cue already in ' +
  `${language} stays as it is.`;

const REPLY = z.object({
  cues: z.array(z.object({ id: z.coerce.number().int(), text: z.string() })).max(500),
});

/**
 * One Groq call translating a batch of cues into `language`. Resolves with each id's
 * translation — only the ids asked for, each once; an id the model left out is missing from the
 * map (the caller asks again for those). Rejects as `AgentError` (Groq failed) or
 * `NotJsonError` (the reply was not the cues asked for).
 */
export async function askGroqToTranslate(
  settings: JsonRequest['settings'],
  language: string,
  cues: readonly CueToTranslate[],
  signal?: AbortSignal,
): Promise<{ texts: Map<number, string>; model: string }> {
  const { json, model } = await askGroqForJson({
    settings,
    instructions: instructions(language),
    data: { language, cues },
    kinds: { cues: { text: 'transcript' } },
    purpose: 'translation',
    // Translations run longer than their source in many languages; 2× its tokens and some.
    maxTokens: Math.min(8000, 400 + Math.ceil(cues.reduce((n, c) => n + c.text.length, 0) / 2)),
    signal,
  });
  const parsed = REPLY.safeParse(json);
  if (!parsed.success) throw new NotJsonError('The model answered without the translated cues.');
  const asked = new Set(cues.map((c) => c.id));
  const texts = new Map<number, string>();
  for (const cue of parsed.data.cues) {
    const text = cue.text.replace(/\s+/g, ' ').trim();
    if (asked.has(cue.id) && !texts.has(cue.id) && text) texts.set(cue.id, text);
  }
  return { texts, model };
}
