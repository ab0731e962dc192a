import { proxy } from 'comlink';
import type {
  SpeakersRequest,
  SpeakersResult,
  SpeakersWorkerApi,
} from '../../workers/speakers.worker';
import type { ResolvedModel } from '../shared/model-spec';
import type { VoicePiece } from '../shared/speaker-clusters';
import { modelProgress, type OnWorkProgress } from './progress';
import { workerBridge } from './worker-bridge';
import { START_WORKER } from './worker-starters';

export type { SpeakersRequest, SpeakersResult };

const diarizer = workerBridge<SpeakersWorkerApi>(START_WORKER.speakers, { name: 'speakers' });

/** Who speaks when in a video's speech regions (pyannote + WeSpeaker in their worker). */
export function diarize(
  signal: AbortSignal,
  request: SpeakersRequest,
  callbacks: {
    onWindow: (heard: { windows: number; pieces: VoicePiece[] }) => Promise<void>;
    onProgress: OnWorkProgress;
  },
): Promise<SpeakersResult> {
  return diarizer((api) =>
    api.diarize(signal, request, proxy(callbacks.onWindow), modelProgress(callbacks.onProgress)),
  );
}

/** Loads pyannote and WeSpeaker in their worker ahead of the speakers stage (load-ahead.ts). */
export const prepareDiarizer = (
  segmentation: ResolvedModel,
  embedder: ResolvedModel,
  onProgress: OnWorkProgress,
): Promise<void> =>
  diarizer((api) => api.prepare(segmentation, embedder, modelProgress(onProgress)));

/** Ends the speakers worker (both models and their buffers go) unless a call is running. */
export const releaseDiarizer = (): void => diarizer.release();
