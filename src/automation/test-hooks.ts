import {
  benchmarkNaiveFrames,
  seedSyntheticIndex,
  seedSyntheticLibrary,
} from '../features/test-hooks';
import type { BriTestHooks } from './bri-contract';

/**
 * Installs `window.briTest`. main.tsx imports this module only when `__BRI_TEST_HOOKS__` is true
 * (test and bench builds), so fabricated videos never reach a person's library.
 */
export function installTestHooks(): void {
  const hooks: BriTestHooks = {
    benchmarkNaiveFrames,
    benchmarkSeedIndex: (minutes) => seedSyntheticIndex(minutes),
    benchmarkSeedLibrary: (hours) => seedSyntheticLibrary(hours),
  };
  window.briTest = Object.freeze(hooks);
}
