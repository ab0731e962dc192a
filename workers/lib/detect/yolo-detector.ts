import { DETECTOR_PARAMETERS } from '../../../src/shared/analysis-parameters';
import { COCO_LABELS } from '../../../src/shared/coco-labels';
import type { ResolvedModel } from '../../../src/shared/model-spec';
import type { ModelProgress } from '../../../src/shared/model-progress';
import { ModelLoadError } from '../models/fetch-model';
import { fetchCachedFile } from '../models/file-cache';
import { createOrtSession, ort } from '../models/ort-session';
import type { ModelKind } from '../models/backend-race';
import { greyBitmap } from '../models/warm-up-inputs';
import { decodeYolov8, decodeYolox, suppressOverlaps, type Detection } from './yolo-decode';

/** YOLOX pads with this grey. */
const PAD_GREY = 114;

export interface LoadedDetector {
  session: ort.InferenceSession;
  device: 'webgpu' | 'wasm';
  inputName: string;
  inputSize: number;
}

/** Loads a YOLO-family ONNX model once per URL on the best device this worker has. */
export async function loadDetector(
  model: ResolvedModel,
  onProgress: (progress: ModelProgress) => void,
): Promise<LoadedDetector> {
  if (!model.url)
    throw new ModelLoadError(
      `No download address for the detector “${model.id}”: set a model base URL in Settings.`,
    );
  const bytes = await fetchCachedFile(model.url, onProgress);
  const { session, device } = await createOrtSession(bytes, model.url, model);
  const inputName = session.inputNames[0] ?? 'images';
  const meta = session.inputMetadata[0];
  const dims = meta && 'shape' in meta ? meta.shape : [];
  const side = typeof dims[2] === 'number' ? dims[2] : 416;
  return { session, device, inputName, inputSize: side };
}

/** Letterboxes `image` top-left into the model's square input: BGR, 0–255, CHW. */
export function letterbox(
  image: CanvasImageSource,
  width: number,
  height: number,
  side: number,
): { tensor: Float32Array; scale: number } {
  const scale = Math.min(side / width, side / height);
  const canvas = new OffscreenCanvas(side, side);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('2D canvas is unavailable in this worker');
  context.fillStyle = `rgb(${PAD_GREY}, ${PAD_GREY}, ${PAD_GREY})`;
  context.fillRect(0, 0, side, side);
  context.drawImage(image, 0, 0, Math.round(width * scale), Math.round(height * scale));
  const rgba = context.getImageData(0, 0, side, side).data;
  const plane = side * side;
  const tensor = new Float32Array(3 * plane);
  for (let i = 0; i < plane; i++) {
    tensor[i] = rgba[i * 4 + 2] ?? 0; // B
    tensor[plane + i] = rgba[i * 4 + 1] ?? 0; // G
    tensor[2 * plane + i] = rgba[i * 4] ?? 0; // R
  }
  return { tensor, scale };
}

/** Runs the detector on one image: letterbox, inference, decode (YOLOX or YOLOv8 layout), NMS. */
export async function detectObjects(
  detector: LoadedDetector,
  image: ImageBitmap,
): Promise<Detection[]> {
  const side = detector.inputSize;
  const { tensor, scale } = letterbox(image, image.width, image.height, side);
  const out = await detector.session.run({
    [detector.inputName]: new ort.Tensor('float32', tensor, [1, 3, side, side]),
  });
  const output = out[detector.session.outputNames[0] ?? 'output'];
  if (!output || !(output.data instanceof Float32Array))
    throw new Error('the detector returned no output');
  const context = {
    inputSize: side,
    scale,
    labels: COCO_LABELS,
    scoreThreshold: DETECTOR_PARAMETERS.scoreThreshold,
  };
  const d2 = output.dims[2] ?? 0;
  // YOLOX: [1, anchors, 5 + classes]. YOLOv8/v11: [1, 4 + classes, anchors].
  const detections =
    d2 === 5 + COCO_LABELS.length
      ? decodeYolox(output.data, context)
      : decodeYolov8(output.data, d2, context);
  output.dispose();
  return suppressOverlaps(detections, DETECTOR_PARAMETERS.nms).map((d) => ({
    ...d,
    box: d.box.map((v, i) => Math.max(0, Math.min(v, i % 2 ? image.height : image.width))) as [
      number,
      number,
      number,
      number,
    ],
  }));
}

/** The detector as a model worker runs it (and times it in a backend race). */
export const DETECTOR: ModelKind<LoadedDetector> = {
  load: loadDetector,
  async warmUp(detector) {
    const image = await greyBitmap();
    try {
      return await detectObjects(detector, image);
    } finally {
      image.close();
    }
  },
  dispose: (detector) => detector.session.release(),
};
