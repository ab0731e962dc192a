import { LIBRARY_SCOPE, wipeConversation } from '../db';
import { runAnswer } from './answers-running';
import { logEvent } from '../diagnostics/session-log';
import { readSettings } from '../settings/settings';
import { APP_TOOL_CONTEXT } from '../tools/app-context';
import { resolveModel } from '../../models';
import { replyLocally as replyInWorker } from '../bridges/chat';
import { ask, type AskDeps, type AskOptions, type AskResult } from './ask';
import { plainMessages } from './local-answer';
import { spanAskedAbout } from './span-asked';
import { lookAtSpanFirst } from '../pipeline/span-first';
import { formatTimestamp } from '../tools/moments';

/** Enough for a few cited sentences; small models ramble past that. */
const LOCAL_MAX_TOKENS = 200;

/** Replies with the local chat model (loaded on first use, in its own worker). */
const replyLocally: NonNullable<AskDeps['localReply']> = async (messages, onToken, signal) => {
  const model = resolveModel('chatLlm', readSettings());
  const { text } = await replyInWorker(
    signal ?? new AbortController().signal,
    { model, messages: plainMessages(messages), maxNewTokens: LOCAL_MAX_TOKENS },
    { onToken },
  );
  return text;
};

/** The span a question points at, analysed ahead of the stages where they haven't reached it. */
const lookAtAskedSpanFirst: NonNullable<AskDeps['lookFirst']> = async (
  video,
  question,
  { onStatus, signal },
) => {
  const span = spanAskedAbout(question, video.duration);
  if (!span) return null;
  const stretch = `${formatTimestamp(span.start)}–${formatTimestamp(span.end)}`.replace(
    /[[\]]/g,
    '',
  );
  return lookAtSpanFirst(video, span, signal ?? new AbortController().signal, () =>
    onStatus?.(`The analysis hasn't reached ${stretch} yet: looking at it first…`),
  );
};

/** Asks as the app does: the real tools and database, the stored settings, the browser's online state. */
export async function askBri(
  videoId: string | null,
  question: string,
  options: AskOptions = {},
): Promise<AskResult> {
  const started = performance.now();
  const scope = videoId ? { videoId } : {};
  try {
    const result = await runAnswer(videoId, options.signal, (signal) =>
      askWithApp(videoId, question, { ...options, signal }),
    );
    logEvent({
      level: 'info',
      component: 'agent',
      message: `answered (${result.mode}) with ${result.toolCalls.length} tool calls`,
      ...scope,
      durationMs: performance.now() - started,
      data: {
        mode: result.mode,
        toolCalls: result.toolCalls.length,
        citations: result.citations.length,
      },
    });
    return result;
  } catch (error) {
    // The question is the person's words: only its length is logged.
    logEvent({
      level: 'error',
      component: 'agent',
      message: `no answer: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
      ...scope,
      durationMs: performance.now() - started,
      data: { questionLength: question.length },
    });
    throw error;
  }
}

function askWithApp(videoId: string | null, question: string, options: AskOptions) {
  return ask(
    videoId,
    question,
    {
      context: APP_TOOL_CONTEXT,
      settings: readSettings,
      online: () => navigator.onLine,
      localReply: replyLocally,
      lookFirst: lookAtAskedSpanFirst,
    },
    options,
  );
}

/**
 * "Wipe memory": forgets a video's conversation (null: the library chat's) and everything derived
 * from its questions (the cached tool results, whose keys hold the model's queries). Resolves
 * with how many turns went.
 */
export function wipeMemory(videoId: string | null): Promise<number> {
  return wipeConversation(videoId ?? LIBRARY_SCOPE);
}
