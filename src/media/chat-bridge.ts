import type { ChatWorkerApi } from '../../workers/chat.worker';
import { workerBridge } from './worker-bridge';

/** Runs `work` against the local chat model's worker, started lazily. */
export const withChatWorker = workerBridge<ChatWorkerApi>(
  () =>
    new Worker(new URL('../../workers/chat.worker.ts', import.meta.url), {
      type: 'module',
      name: 'chat',
    }),
);
