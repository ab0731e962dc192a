import { proxy } from 'comlink';
import type { ClipWorkerApi } from '../../workers/clip.worker';
import type { CutClip } from '../../workers/lib/clips/cut-clip';
import type { HighlightPart, JoinedClip } from '../../workers/lib/clips/join-clips';
import { workerBridge } from './worker-bridge';
import { START_WORKER } from './worker-starters';

export type { CutClip, HighlightPart, JoinedClip };

/** Clips are cut in a worker of their own: a long cut must not hold up the frames stage. */
const clips = workerBridge<ClipWorkerApi>(START_WORKER.clip, { name: 'clip' });

/** Cuts [start, end) seconds of `file` into a clip; `signal` cancels it. */
export function cutClip(
  signal: AbortSignal,
  file: Blob,
  container: string,
  range: { start: number; end: number },
  onProgress: (fraction: number) => void,
): Promise<CutClip> {
  return clips((worker) => worker.cutClip(signal, file, container, range, proxy(onProgress)), {
    signal,
  });
}

/** Joins ranges of `file` into one clip, in order; `signal` cancels it. */
export function joinClips(
  signal: AbortSignal,
  file: Blob,
  container: string,
  ranges: { start: number; end: number }[],
  onProgress: (fraction: number) => void,
): Promise<JoinedClip> {
  return clips((worker) => worker.joinClips(signal, file, container, ranges, proxy(onProgress)), {
    signal,
  });
}
