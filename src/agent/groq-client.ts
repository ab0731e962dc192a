import Groq from 'groq-sdk';
import { GROQ_BASE_URL } from '../shared/groq-defaults';

export { DEFAULT_GROQ_MODEL, GROQ_BASE_URL } from '../shared/groq-defaults';

export interface GroqConnection {
  apiKey: string;
  baseUrl?: string;
}

/**
 * The Groq client, straight from the browser with the person's own key (nothing of ours sits in
 * between). Retries are ours (`tool-loop.ts` honours `retry-after`), so the SDK's are off.
 */
export function createGroqClient({ apiKey, baseUrl }: GroqConnection): Groq {
  return new Groq({
    apiKey,
    baseURL: baseUrl ?? GROQ_BASE_URL,
    dangerouslyAllowBrowser: true,
    maxRetries: 0,
    timeout: 60_000,
  });
}

/** The models the key can use, for Settings (ids, sorted). */
export async function listGroqModels(connection: GroqConnection): Promise<string[]> {
  const page = await createGroqClient(connection).models.list();
  return page.data.map((model) => model.id).sort();
}

export type { Groq };
