import { deleteChatTurns, LIBRARY_SCOPE } from '../db';
import { readSettings } from '../settings/settings';
import { APP_TOOL_CONTEXT } from '../tools/app-context';
import { proxy } from 'comlink';
import { resolveModel } from '../../models';
import { withChatWorker } from '../media/chat-bridge';
import { ask, type AskDeps, type AskOptions, type AskResult } from './ask';
import { plainMessages } from './local-answer';

/** Enough for a few cited sentences; small models ramble past that. */
const LOCAL_MAX_TOKENS = 200;

/** Replies with the local chat model (loaded on first use, in its own worker). */
const replyLocally: NonNullable<AskDeps['localReply']> = async (messages, onToken, signal) => {
  const model = resolveModel('chatLlm', readSettings());
  const { text } = await withChatWorker((chat) =>
    chat.reply(
      signal ?? new AbortController().signal,
      model,
      plainMessages(messages),
      LOCAL_MAX_TOKENS,
      proxy(onToken),
      proxy(() => undefined),
    ),
  );
  return text;
};

/** Asks as the app does: the real tools and database, the stored settings, the browser's online state. */
export function askBri(
  videoId: string | null,
  question: string,
  options: AskOptions = {},
): Promise<AskResult> {
  return ask(
    videoId,
    question,
    {
      context: APP_TOOL_CONTEXT,
      settings: readSettings,
      online: () => navigator.onLine,
      localReply: replyLocally,
    },
    options,
  );
}

/** "Wipe memory": forgets a video's conversation (null: the library chat's). */
export function wipeMemory(videoId: string | null): Promise<number> {
  return deleteChatTurns(videoId ?? LIBRARY_SCOPE);
}
