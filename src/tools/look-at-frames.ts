import { proxy } from 'comlink';
import { resolveModel } from '../../models';
import type { FrameText } from '../../workers/ocr.worker';
import type { FrameCaption, FrameDetections, FrameInput } from '../../workers/vision.worker';
import { getVideo } from '../db';
import { openVideoFile } from '../library/video-files';
import { withMediaWorker } from '../media/media-bridge';
import { withOcrWorker } from '../media/ocr-bridge';
import { withVisionWorker } from '../media/vision-bridge';
import { readSettings } from '../settings/settings';
import type { FreshLook } from './tool';

const ignoreProgress = proxy(() => undefined);

/** Runs one model over the frames; a model that fails is reported, the others still count. */
async function tryModel<Result extends { t: number }>(
  name: string,
  looks: FreshLook[],
  run: (onFrame: (result: Result) => Promise<void>) => Promise<unknown>,
  apply: (look: FreshLook, result: Result) => void,
): Promise<void> {
  try {
    await run(
      proxy(async (result: Result) => {
        const look = looks.find((l) => l.t === result.t);
        if (look) apply(look, result);
      }),
    );
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
    const frame = await withMediaWorker((media) => media.frameAt(file, video.container, t));
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
    (onFrame) =>
      withVisionWorker((vision) =>
        vision.detectFrames(signal, detect, frames, onFrame, ignoreProgress),
      ),
    (look, result) => (look.objects = result.objects),
  );
  const ocr = resolveModel('ocr', settings);
  await tryModel<FrameText>(
    ocr.id,
    looks,
    (onFrame) =>
      withOcrWorker((reader) => reader.readFrames(signal, ocr, frames, onFrame, ignoreProgress)),
    (look, result) => (look.text = result.lines.map(({ text, score }) => ({ text, score }))),
  );
  const caption = resolveModel('caption', settings);
  await tryModel<FrameCaption>(
    caption.id,
    looks,
    (onFrame) =>
      withVisionWorker((vision) =>
        vision.captionFrames(signal, caption, frames, onFrame, ignoreProgress),
      ),
    (look, result) => (look.caption = result.caption),
  );
  return looks;
}
