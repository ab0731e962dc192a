import Groq from 'groq-sdk';
import { redact } from '../diagnostics/redact';
import { errorMessage } from '../shared/error-message';

/** Why a chat turn failed, in words for the person, and whether trying again may help. */
export interface AgentFailure {
  code:
    | 'bad_key'
    | 'rate_limited'
    | 'server'
    | 'network'
    | 'interrupted'
    | 'timeout'
    | 'refused'
    | 'cancelled';
  message: string;
  /** Seconds the service asked us to wait (429). */
  retryAfterS?: number;
  retryable: boolean;
}

/** An error a chat turn ends with: `failure` says what happened in plain words. */
export class AgentError extends Error {
  override name = 'AgentError';
  constructor(readonly failure: AgentFailure) {
    super(failure.message);
  }
}

/** Seconds from a `retry-after` header (seconds or an HTTP date), if any. */
export function retryAfterSeconds(headers: Headers | undefined): number | undefined {
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

/** The stream of an answer broke after it had begun (groq-sdk never retries a started stream). */
export class StreamInterruptedError extends Error {
  override name = 'StreamInterruptedError';
}

/** Turns what groq-sdk throws into an `AgentFailure` (the key is never part of a message). */
export function describeAgentError(error: unknown): AgentFailure {
  if (error instanceof Groq.APIUserAbortError)
    return { code: 'cancelled', message: 'Stopped.', retryable: true };
  if (error instanceof Groq.APIConnectionTimeoutError)
    return {
      code: 'timeout',
      message: 'Groq took too long to answer. Try again in a moment.',
      retryable: true,
    };
  if (error instanceof StreamInterruptedError)
    return {
      code: 'interrupted',
      message:
        'The connection to Groq dropped in the middle of the answer. Your question is kept: try again.',
      retryable: true,
    };
  if (error instanceof Groq.APIConnectionError)
    return {
      code: 'network',
      message:
        "Couldn't reach Groq — check your connection. Your question and the conversation are kept; try again when you're back online.",
      retryable: true,
    };
  if (error instanceof Groq.AuthenticationError || error instanceof Groq.PermissionDeniedError)
    return {
      code: 'bad_key',
      message: 'Groq did not accept your API key. Check it in Settings (it starts with "gsk_").',
      retryable: false,
    };
  if (error instanceof Groq.RateLimitError) {
    const retryAfterS = retryAfterSeconds(error.headers);
    const wait = retryAfterS === undefined ? 'a moment' : `${Math.ceil(retryAfterS)} s`;
    return {
      code: 'rate_limited',
      message: `Groq's rate limit was reached. Try again in ${wait}.`,
      retryAfterS,
      retryable: true,
    };
  }
  if (error instanceof Groq.APIError && (error.status ?? 0) >= 500)
    return {
      code: 'server',
      message: `Groq had a problem on its side (${error.status}). Try again in a moment.`,
      retryable: true,
    };
  // A server may echo what it was sent: the key is never repeated back to the person.
  const detail = redact(errorMessage(error));
  return { code: 'refused', message: `Groq refused the request: ${detail}`, retryable: false };
}
