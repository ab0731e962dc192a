import { resolveModel } from '../../models';
import type { StageName, VideoRecord } from '../db';
import { logEvent } from '../diagnostics/session-log';
import { readSettings, type Settings } from '../settings/settings';
import { prepareTextReader } from '../bridges/ocr';
import { prepareDiarizer } from '../bridges/speakers';
import type { OnWorkProgress } from '../bridges/progress';
import { errorMessage } from '../shared/error-message';
import { hasPicture } from '../shared/video-types';
import { aheadProgress } from './stage-progress';

/** What a stage's models need to be worth loading ahead: a picture, or sound. */
interface Ahead {
  needs: (video: VideoRecord) => boolean;
  prepare: (settings: Settings, onProgress: OnWorkProgress) => Promise<void>;
}

/**
 * The stages whose models load ahead, in their own workers, while the stage before them holds the
 * lane: PaddleOCR and the two speaker models (small; on 2 cores each took 1–2 s inside its
 * stage). Not the large ones: a load is CPU work too, so loading the captioner beside the running
 * speakers stage slowed that stage about as much as it saved captions, and a second large model
 * in memory was the renderer's peak (hundreds of MB above the peak without it); loading CLIP
 * beside the running captioner cost the captioner more than it saved. Stage timings, loads and
 * peaks: `npm run bench -- --real-size`.
 */
const AHEAD: Partial<Record<StageName, Ahead>> = {
  text: {
    needs: hasPicture,
    prepare: (settings, onProgress) => prepareTextReader(resolveModel('ocr', settings), onProgress),
  },
  speakers: {
    needs: (video) => video.hasAudio,
    prepare: (settings, onProgress) =>
      prepareDiarizer(
        resolveModel('speakerSegment', settings),
        resolveModel('speakerEmbed', settings),
        onProgress,
      ),
  },
};

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
 * a picture (or sound), or on a device without the memory for it (roomToLoadAhead). A failure here is only
 * logged: the stage loads again itself and reports it.
 */
export function loadAhead(video: VideoRecord, stage: StageName): void {
  const ahead = AHEAD[stage];
  if (!ahead?.needs(video)) return;
  const device = globalThis.navigator as (Navigator & { deviceMemory?: number }) | undefined;
  if (!roomToLoadAhead(device?.deviceMemory)) return;
  ahead.prepare(readSettings(), aheadProgress(video.id, stage)).catch((error: unknown) =>
    logEvent({
      level: 'debug',
      component: 'models',
      message: `${stage}: loading ahead failed (the stage will try itself): ${errorMessage(error)}`,
      videoId: video.id,
    }),
  );
}
