import { openVideoFile } from '../storage/video-files';
import { naiveFrames } from '../bridges/naive-frames';
import type { BriTestHooks } from './bri-contract';
import { requireVideo } from './media-api';
import { seedSyntheticIndex } from './synthetic-index';

/**
 * Installs `window.briTest`. main.tsx imports this module only when `__BRI_TEST_HOOKS__` is true
 * (test and bench builds), so fabricated videos never reach a person's library.
 */
export function installTestHooks(): void {
  const hooks: BriTestHooks = {
    benchmarkNaiveFrames: async (videoId) => {
      const video = await requireVideo(videoId);
      return naiveFrames(await openVideoFile(video.id, video.storage));
    },
    benchmarkSeedIndex: (minutes) => seedSyntheticIndex(minutes),
  };
  window.briTest = Object.freeze(hooks);
}
