import { naiveFrames } from '../bridges/naive-frames';
import { seedSyntheticIndex, seedSyntheticLibrary } from '../library/bench/synthetic-index';
import { openVideoFile } from '../storage/video-files';
import { requireVideo } from './video-index';

/**
 * The bench's and the tests' own machinery. Reached only through src/automation/test-hooks.ts,
 * which test and bench builds alone import: the production bundle has none of it.
 */
export async function benchmarkNaiveFrames(
  videoId: string,
): Promise<{ frames: number; seconds: number }> {
  const video = await requireVideo(videoId);
  return naiveFrames(await openVideoFile(video.id, video.storage));
}

export { seedSyntheticIndex, seedSyntheticLibrary };
