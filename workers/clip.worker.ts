/// <reference lib="webworker" />
import { expose } from 'comlink';
import { registerTransferHandlers } from '../src/shared/transfer-handlers';
import { cutClip, type CutClip } from './lib/clips/cut-clip';
import { joinClips, type JoinedClip } from './lib/clips/join-clips';

registerTransferHandlers();

const api = {
  /**
   * Cuts [start, end) seconds of a video into a clip (MP4, or WebM for WebM sources), copying
   * packets where it can; the file is read in slices, never whole, and the clip is written to
   * disk as it is cut (clip-target.ts): the page gets a File, not the bytes.
   */
  async cutClip(
    signal: AbortSignal,
    file: Blob,
    container: string,
    range: { start: number; end: number },
    onProgress: (fraction: number) => void,
  ): Promise<CutClip> {
    return cutClip(file, container, range, signal, onProgress);
  },

  /** Joins ranges of a video into one clip, in order, each from the key frame at or before it. */
  async joinClips(
    signal: AbortSignal,
    file: Blob,
    container: string,
    ranges: { start: number; end: number }[],
    onProgress: (fraction: number) => void,
  ): Promise<JoinedClip> {
    return joinClips(file, container, ranges, signal, onProgress);
  },
};

expose(api);

export type ClipWorkerApi = typeof api;
