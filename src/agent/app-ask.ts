import { deleteChatTurns, LIBRARY_SCOPE } from '../db';
import { readSettings } from '../settings/settings';
import { APP_TOOL_CONTEXT } from '../tools/app-context';
import { ask, type AskOptions, type AskResult } from './ask';

/** Asks as the app does: the real tools and database, the stored settings, the browser's online state. */
export function askBri(
  videoId: string | null,
  question: string,
  options: AskOptions = {},
): Promise<AskResult> {
  return ask(
    videoId,
    question,
    { context: APP_TOOL_CONTEXT, settings: readSettings, online: () => navigator.onLine },
    options,
  );
}

/** "Wipe memory": forgets a video's conversation (null: the library chat's). */
export function wipeMemory(videoId: string | null): Promise<number> {
  return deleteChatTurns(videoId ?? LIBRARY_SCOPE);
}
