import { resolveModel } from '../../models';
import type { StageName, VideoRecord } from '../db';
import { logEvent } from '../diagnostics/session-log';
import { readSettings } from '../settings/settings';
import { errorMessage } from '../shared/error-message';
import { hasPicture } from '../shared/video-types';
import { CAPTIONS } from './captions-stage';
import { aheadProgress } from './stage-progress';

/**
 * The stages whose model is worth loading ahead: the real-size captioner is by far the slowest to
 * load. The others load in a second or two, and loading CLIP beside the running captioner cost
 * the captioner more than it saved (and held both in memory at the peak). Stage timings and
 * loads: `npm run bench -- --real-size`.
 */
const AHEAD: Partial<Record<StageName, typeof CAPTIONS>> = { captions: CAPTIONS };

/**
 * The least device memory (GB, as `navigator.deviceMemory` reports it, rounded; Chromium 156
 * here says 16) at which a model loads beside the running one. The captioner loading during
 * on-screen text raises the renderer's peak by most of a gigabyte for a few seconds; a phone or a
 * 4 GB laptop would rather wait for the load than lose the tab. Browsers that don't say (Firefox,
 * Safari — iPhones among them) are treated as small.
 */
const AHEAD_MIN_DEVICE_GB = 8;

/** Whether this device has the memory to hold a model loaded ahead beside the running one. */
export function roomToLoadAhead(deviceMemory: number | undefined): boolean {
  return deviceMemory !== undefined && deviceMemory >= AHEAD_MIN_DEVICE_GB;
}

/**
 * Loads the model of `stage` in its worker while another stage holds the model lanes (they ask
 * for the stage next in line only, so at most one idle model waits in memory), and the stage
 * computes as soon as it gets a lane: its own call shares the load. Nothing for a video without
 * a picture, or on a device without the memory for it (roomToLoadAhead). A failure here is only
 * logged: the stage loads again itself and reports it.
 */
export function loadAhead(video: VideoRecord, stage: StageName): void {
  const spec = AHEAD[stage];
  if (!spec?.prepare || !hasPicture(video)) return;
  const device = globalThis.navigator as (Navigator & { deviceMemory?: number }) | undefined;
  if (!roomToLoadAhead(device?.deviceMemory)) return;
  spec
    .prepare(resolveModel(spec.role, readSettings()), aheadProgress(video.id, stage))
    .catch((error: unknown) =>
      logEvent({
        level: 'debug',
        component: 'models',
        message: `${stage}: loading ahead failed (the stage will try itself): ${errorMessage(error)}`,
        videoId: video.id,
      }),
    );
}
