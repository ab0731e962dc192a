import Groq from 'groq-sdk';
import { GROQ_BASE_URL } from './groq-defaults';
import { registerSecret } from '../diagnostics/redact';
import { retryAfterSeconds } from './agent-errors';

export { GROQ_BASE_URL } from './groq-defaults';
export { DEFAULT_GROQ_MODEL } from '../settings/settings-types';

export interface GroqConnection {
  apiKey: string;
  baseUrl?: string;
  /** Hears each request body exactly as it leaves the device (retries included). */
  onRequest?: (body: string) => void;
  /** Last changes to a request body before it leaves (the egress door's file-name net). */
  transformBody?: (body: string) => string;
}

/** Retries of a refused request (rate limit, server error, lost connection before the answer). */
export const GROQ_MAX_RETRIES = 2;
/** A rate limit asking for a longer wait than this is the person's call: Try again, later. */
export const GROQ_MAX_WAIT_S = 30;

/**
 * `fetch`, but a rate-limited or failed response that asks for a wait longer than
 * GROQ_MAX_WAIT_S tells groq-sdk not to retry (its own `x-should-retry` header), so the person
 * hears "try again in N s" at once instead of a chat that hangs for minutes.
 */
async function fetchWithBoundedWaits(
  input: RequestInfo | URL,
  init: RequestInit | undefined,
  { onRequest, transformBody }: Pick<GroqConnection, 'onRequest' | 'transformBody'>,
) {
  let request = init;
  if (typeof init?.body === 'string') {
    const body = transformBody ? transformBody(init.body) : init.body;
    request = { ...init, body };
    onRequest?.(body);
  }
  const response = await fetch(input, request);
  if (response.status !== 429 && response.status < 500) return response;
  const waitS = retryAfterSeconds(response.headers);
  if (waitS === undefined || waitS <= GROQ_MAX_WAIT_S) return response;
  const headers = new Headers(response.headers);
  headers.set('x-should-retry', 'false');
  const { status, statusText } = response;
  return new Response(response.body, { status, statusText, headers });
}

/**
 * The Groq client, straight from the browser with the person's own key (nothing of ours sits in
 * between). groq-sdk retries refused requests itself — honouring `retry-after`, with jittered
 * backoff otherwise. A stream that breaks after text has arrived is never retried (that would
 * show the text twice): the turn fails and the person can Try again.
 */
export function createGroqClient({
  apiKey,
  baseUrl,
  onRequest,
  transformBody,
}: GroqConnection): Groq {
  registerSecret(apiKey);
  return new Groq({
    apiKey,
    baseURL: baseUrl ?? GROQ_BASE_URL,
    dangerouslyAllowBrowser: true,
    maxRetries: GROQ_MAX_RETRIES,
    timeout: 60_000,
    fetch: (input: RequestInfo | URL, init?: RequestInit) =>
      fetchWithBoundedWaits(input, init, { onRequest, transformBody }),
  });
}

/** The models the key can use, for Settings (ids, sorted). */
export async function listGroqModels(connection: GroqConnection): Promise<string[]> {
  const page = await createGroqClient(connection).models.list();
  return page.data.map((model) => model.id).sort();
}

export type { Groq };
