import type { TranscribeWorkerApi } from '../../workers/transcribe.worker';
import { workerBridge } from './worker-bridge';

/** Runs `work` against the transcription worker, started lazily. */
export const withTranscribeWorker = workerBridge<TranscribeWorkerApi>(
  () =>
    new Worker(new URL('../../workers/transcribe.worker.ts', import.meta.url), {
      type: 'module',
      name: 'transcribe',
    }),
);
