import { proxy } from 'comlink';
import type { ChatWorkerApi, ReplyRequest } from '../../workers/chat.worker';
import { ignoreProgress, type OnWorkProgress } from './progress';
import { workerBridge } from './worker-bridge';
import { START_WORKER } from './worker-starters';

export type { ReplyRequest };

const chat = workerBridge<ChatWorkerApi>(START_WORKER.chat, { name: 'chat' });

/** The local chat model's reply, streamed token by token to `onToken`. */
export function replyLocally(
  signal: AbortSignal,
  request: ReplyRequest,
  {
    onToken,
    onProgress = ignoreProgress,
  }: { onToken: (text: string) => void; onProgress?: OnWorkProgress },
): Promise<{ text: string; device: string }> {
  return chat((api) => api.reply(signal, request, proxy(onToken), proxy(onProgress)));
}
