import { proxy } from 'comlink';
import type {
  TranscribeRequest,
  TranscribeWorkerApi,
  TranscribedChunk,
} from '../../workers/transcribe.worker';
import { modelProgress, type OnWorkProgress } from './progress';
import { workerBridge } from './worker-bridge';
import { START_WORKER } from './worker-starters';

export type { TranscribeRequest, TranscribedChunk };

const transcriber = workerBridge<TranscribeWorkerApi>(START_WORKER.transcribe, {
  name: 'transcription',
});

/** Transcribes a video's speech regions with Whisper; each chunk's segments go to `onChunk`. */
export function transcribe(
  signal: AbortSignal,
  request: TranscribeRequest,
  callbacks: { onChunk: (chunk: TranscribedChunk) => Promise<void>; onProgress: OnWorkProgress },
): Promise<{ device: string; seconds: number; wordTimestamps: boolean; chunks: number }> {
  return transcriber((api) =>
    api.transcribe(signal, request, proxy(callbacks.onChunk), modelProgress(callbacks.onProgress)),
  );
}

/** Ends the transcription worker now (Whisper and its buffers go) unless a call is running. */
export const releaseTranscriber = (): void => transcriber.release();
