import type { EmbedWorkerApi } from '../../workers/embed.worker';
import { workerBridge } from './worker-bridge';

/** Runs `work` against the embed worker (sentence and CLIP vectors), started lazily. */
export const withEmbedWorker = workerBridge<EmbedWorkerApi>(
  () =>
    new Worker(new URL('../../workers/embed.worker.ts', import.meta.url), {
      type: 'module',
      name: 'embed',
    }),
);
