import { resolveModel } from '../../models';
import { frameAt } from '../bridges/media';
import { readFrames } from '../bridges/ocr';
import { ignoreProgress } from '../bridges/progress';
import { captionFrames, detectFrames } from '../bridges/vision';
import { getVideo } from '../db';
import { openVideoFile } from '../storage/video-files';
import type { FrameCaption, FrameDetections, FrameInput, FrameText } from '../shared/frame-results';
import { readSettings } from '../settings/settings';
import type { FreshLook } from './tool';

/** Runs one model over the frames; a model that fails is reported, the others still count. */
async function tryModel<Result extends { t: number }>(
  name: string,
  looks: FreshLook[],
  run: (onFrame: (result: Result) => Promise<void>) => Promise<unknown>,
  apply: (look: FreshLook, result: Result) => void,
): Promise<void> {
  try {
    await run(async (result: Result) => {
      const look = looks.find((l) => l.t === result.t);
      if (look) apply(look, result);
    });
  } catch (error) {
    for (const look of looks) look.unavailable.push({ model: name, reason: String(error) });
  }
}

/**
 * `look_again`'s eyes in the app: decodes the frames at `times` at full resolution (not the
 * stored thumbnails) and runs the detector, OCR and captioner on them, one model after another
 * so two cores are not oversubscribed.
 */
export async function lookAtFrames(
  videoId: string,
  times: number[],
  signal: AbortSignal = new AbortController().signal,
): Promise<FreshLook[]> {
  const video = await getVideo(videoId);
  if (!video) throw new Error(`No video with id ${videoId}`);
  const file = await openVideoFile(video.id, video.storage);
  const frames: FrameInput[] = [];
  const looks: FreshLook[] = [];
  for (const t of times) {
    const frame = await frameAt(file, video.container, t);
    if (looks.some((look) => look.t === frame.t)) continue;
    frames.push({ t: frame.t, blob: frame.blob });
    looks.push({
      t: frame.t,
      width: frame.width,
      height: frame.height,
      objects: [],
      text: [],
      caption: null,
      unavailable: [],
    });
  }
  const settings = readSettings();
  const detect = resolveModel('detect', settings);
  await tryModel<FrameDetections>(
    detect.id,
    looks,
    (onFrame) => detectFrames(signal, detect, frames, { onFrame, onProgress: ignoreProgress }),
    (look, result) => (look.objects = result.objects),
  );
  const ocr = resolveModel('ocr', settings);
  await tryModel<FrameText>(
    ocr.id,
    looks,
    (onFrame) => readFrames(signal, ocr, frames, { onFrame, onProgress: ignoreProgress }),
    (look, result) => (look.text = result.lines.map(({ text, score }) => ({ text, score }))),
  );
  const caption = resolveModel('caption', settings);
  await tryModel<FrameCaption>(
    caption.id,
    looks,
    (onFrame) => captionFrames(signal, caption, frames, { onFrame, onProgress: ignoreProgress }),
    (look, result) => (look.caption = result.caption),
  );
  return looks;
}
