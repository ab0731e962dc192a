import { proxy } from 'comlink';
import type {
  FrameSamplingResult,
  MediaWorkerApi,
  ProbeFailure,
  ProbeResult,
} from '../../workers/media.worker';
import type { FullFrame } from '../../workers/lib/frames/frame-at';
import type { SpeechResult } from '../../workers/lib/speech';
import type { SampledFrame } from '../shared/frame-results';
import type { ContainerKind } from '../shared/video-types';
import { workerBridge } from './worker-bridge';
import { START_WORKER } from './worker-starters';

export type { FrameSamplingResult, FullFrame, ProbeFailure, ProbeResult, SpeechResult };

/**
 * Which media worker instance runs the work. Video decoding runs on the browser's decoder threads
 * while audio + VAD keep a worker thread busy in JS, so giving each its own worker lets both
 * stages share the two cores instead of taking turns.
 */
const video = workerBridge<MediaWorkerApi>(START_WORKER.mediaVideo, { name: 'media' });
const audio = workerBridge<MediaWorkerApi>(START_WORKER.mediaAudio, { name: 'media' });
/**
 * Imports get a worker of their own: a file that sends a reader into a long parse must not hold
 * up the frames of videos already in the library, and ending it (Cancel, timeout) ends nothing else.
 */
const inspector = workerBridge<MediaWorkerApi>(START_WORKER.mediaInspect, { name: 'import' });

/**
 * The longest an import's inspection may take. The readers read headers and one frame, so a sane
 * file of any size takes seconds; past this the file is treated as damaged.
 */
export const INSPECT_TIMEOUT_MS = 90_000;

/**
 * Checks a file is whole, reads its metadata and draws its poster (import). Rejects with a
 * `TimeoutError` DOMException past INSPECT_TIMEOUT_MS, and with the signal's reason within a second
 * of a cancel even when the reader is stuck (its worker is terminated).
 */
export function inspectFile(
  signal: AbortSignal,
  file: Blob,
  container: ContainerKind,
): Promise<ProbeResult> {
  return inspector<ProbeResult>((media) => media.inspect(signal, file, container), {
    signal,
    timeoutMs: INSPECT_TIMEOUT_MS,
    onTimeout: () =>
      new DOMException(`no answer in ${INSPECT_TIMEOUT_MS / 1000} s`, 'TimeoutError'),
  });
}

/** Samples frames and finds scene cuts in one decoding pass; each kept frame goes to `onFrame`. */
export function sampleFrames(
  signal: AbortSignal,
  file: Blob,
  metadata: { container: ContainerKind; duration: number; width: number; height: number },
  callbacks: { onFrame: (frame: SampledFrame) => Promise<void>; onProgress: (f: number) => void },
): Promise<FrameSamplingResult> {
  return video(
    (media) =>
      media.sampleFrames(
        signal,
        file,
        metadata,
        proxy(callbacks.onFrame),
        proxy(callbacks.onProgress),
      ),
    { signal },
  );
}

/** Decodes the audio to 16 kHz and finds the speech regions (its own worker: see above). */
export function detectSpeech(
  signal: AbortSignal,
  file: Blob,
  metadata: { container: ContainerKind; duration: number },
  callbacks: { onProgress: (fraction: number) => void },
): Promise<SpeechResult> {
  return audio<SpeechResult>(
    (media) => media.detectSpeech(signal, file, metadata, proxy(callbacks.onProgress)),
    { signal },
  );
}

/**
 * Starts the frames worker ahead of its first call, so its scripts load while an import is still
 * being checked and the frames stage that follows finds it ready. Unused, it ends after the
 * usual idle time.
 */
export function startFramesWorker(): void {
  void video(async () => undefined);
}

/**
 * Starts the import worker ahead of a file, when a person shows one is coming (a drag enters the
 * drop zone, the file picker opens): its scripts load while they aim or pick, not after the drop
 * (`npm run bench`: `chat_ready_s`). Unused, it ends after the usual idle time.
 */
export function startImportWorker(): void {
  void inspector(async () => undefined);
}

/**
 * Ends the frames worker now (if no call is running) rather than after the idle time: the frames
 * stage is done, and its decoder's buffers would otherwise sit beside the models that follow.
 * A later frameAt starts it again.
 */
export const releaseFramesWorker = (): void => video.release();
/** Ends the speech worker now (if no call is running): its decoded audio is no longer needed. */
export const releaseSpeechWorker = (): void => audio.release();
/** Ends the import worker now (if no call is running), once no import is waiting. */
export const releaseInspector = (): void => inspector.release();

/** Who decodes the file's picture: `webcodecs` where this browser can, `ffmpeg` (wasm) otherwise. */
export function videoDecoder(
  file: Blob,
  container: ContainerKind,
): Promise<'webcodecs' | 'ffmpeg'> {
  return video((media) => media.videoDecoder(file, container));
}

/** The frame showing at `t` seconds, at full resolution or scaled down to `maxSide`. */
export function frameAt(
  file: Blob,
  container: ContainerKind,
  t: number,
  maxSide?: number,
): Promise<FullFrame> {
  return video((media) => media.frameAt(file, container, t, maxSide));
}
