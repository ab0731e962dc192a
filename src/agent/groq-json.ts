import type { Settings } from '../settings/settings';
import type { ShareWithGroq } from '../shared/share-with-groq';
import { AgentError, describeAgentError } from './agent-errors';
import { createGroqClient } from './groq-client';
import { TOOL_DATA_NOTICE, UNTRUSTED_CONTENT_RULES } from './untrusted-content';
import { withholdFromResult } from './withhold';

/** One non-streamed Groq call that must answer with a JSON object (chapters, a translation batch). */
export interface JsonRequest {
  settings: Pick<Settings, 'groqApiKey' | 'groqBaseUrl' | 'groqModel' | 'shareWithGroq'>;
  /** What the model is asked to do and the JSON it must answer with. */
  instructions: string;
  /** Data from the video: sent quoted, with the kinds the person keeps back withheld. */
  data: unknown;
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

/** Only what the person lets leave the device: `withholdFromResult` with a given share. */
export function shareableData(data: unknown, share: ShareWithGroq): unknown {
  return withholdFromResult('index', data, share).value;
}

/**
 * Asks Groq once (groq-sdk retries refusals itself) and returns the JSON object it answered
 * with. Failures reject as `AgentError` in the chat's own words (bad key, rate limit, offline…);
 * a reply that holds no JSON object rejects as `NotJsonError`.
 */
export async function askGroqForJson(
  request: JsonRequest,
): Promise<{ json: unknown; model: string }> {
  const { settings } = request;
  if (!settings.groqApiKey) throw new Error('No Groq API key is set.');
  const client = createGroqClient({
    apiKey: settings.groqApiKey,
    baseUrl: settings.groqBaseUrl ?? undefined,
  });
  const data = JSON.stringify(shareableData(request.data, settings.shareWithGroq));
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
