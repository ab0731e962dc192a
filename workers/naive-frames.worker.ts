import { expose } from 'comlink';
import { naiveFrames } from './lib/naive-frames';

/**
 * The bench's baseline only (test and bench builds): what a straightforward port does with a
 * video. Started by src/bridges/naive-frames.ts, which the production build leaves out.
 */
const api = {
  /** ffmpeg.wasm extracting 1 fps from the whole file copied into memory. */
  naiveFrames(file: Blob): Promise<{ frames: number; seconds: number }> {
    return naiveFrames(file);
  },
};

expose(api);
export type NaiveFramesApi = typeof api;
