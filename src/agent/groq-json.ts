import { db as appDb, type BriDatabase } from '../db';
import type { Settings } from '../settings/settings';
import type { ContentKinds } from '../tools/content-kinds';
import { AgentError, describeAgentError } from './agent-errors';
import { egressFor, groqThroughDoor, shareData } from './egress';
import { TOOL_DATA_NOTICE, UNTRUSTED_CONTENT_RULES } from './untrusted-content';
import type { SentPurpose } from './sent-ledger';

/** One non-streamed Groq call that must answer with a JSON object (chapters, a translation batch). */
export interface JsonRequest<Data = unknown> {
  settings: Pick<Settings, 'groqApiKey' | 'groqBaseUrl' | 'groqModel' | 'shareWithGroq'>;
  /** What the model is asked to do and the JSON it must answer with. */
  instructions: string;
  /** Data from the video: sent quoted, with the kinds the person keeps back withheld. */
  data: Data;
  /** Where `data` holds the video's own words, by kind (egress.ts). */
  kinds: ContentKinds<Data>;
  /** The library whose file names are withheld where the person keeps them (the app's by default). */
  db?: BriDatabase;
  /** What the request is for, as the session's ledger of what was sent lists it. */
  purpose: SentPurpose;
  /** Tokens the answer may take. */
  maxTokens: number;
  signal?: AbortSignal;
}

/** The model answered, but not with the JSON object it was asked for. */
export class NotJsonError extends Error {
  override name = 'NotJsonError';
}

/** The first JSON object in a reply (models wrap it in ```json fences or a sentence). */
export function parseJsonObject(text: string): unknown {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) throw new NotJsonError('The model did not answer with JSON.');
  try {
    return JSON.parse(text.slice(start, end + 1));
  } catch {
    throw new NotJsonError('The model answered with broken JSON.');
  }
}

/**
 * Asks Groq once (groq-sdk retries refusals itself) and returns the JSON object it answered
 * with. Failures reject as `AgentError` in the chat's own words (bad key, rate limit, offline…);
 * a reply that holds no JSON object rejects as `NotJsonError`.
 */
export async function askGroqForJson<Data>(
  request: JsonRequest<Data>,
): Promise<{ json: unknown; model: string }> {
  const { settings } = request;
  if (!settings.groqApiKey) throw new Error('No Groq API key is set.');
  const egress = await egressFor(settings.shareWithGroq, request.db ?? appDb);
  const client = groqThroughDoor(egress, request.purpose, {
    apiKey: settings.groqApiKey,
    baseUrl: settings.groqBaseUrl ?? undefined,
  });
  const data = JSON.stringify(shareData(egress, request.data, request.kinds).value);
  let text: string;
  try {
    const completion = await client.chat.completions.create(
      {
        model: settings.groqModel,
        messages: [
          { role: 'system', content: `${request.instructions}\n\n${UNTRUSTED_CONTENT_RULES}` },
          { role: 'user', content: `${TOOL_DATA_NOTICE}\n${data}` },
        ],
        temperature: 0.2,
        max_completion_tokens: request.maxTokens,
        stream: false,
      },
      { signal: request.signal },
    );
    text = completion.choices[0]?.message.content ?? '';
  } catch (error) {
    throw new AgentError(describeAgentError(error));
  }
  return { json: parseJsonObject(text), model: settings.groqModel };
}
