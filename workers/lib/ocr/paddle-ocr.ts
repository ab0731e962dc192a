import type { TextLine } from '../../../src/shared/frame-results';
import { OCR_PARAMETERS } from '../../../src/shared/analysis-parameters';
import type { ModelProgress } from '../../../src/shared/model-progress';
import type { ResolvedModel } from '../../../src/shared/model-spec';
import { fetchCachedFile } from '../models/file-cache';
import { createOrtSession, ort } from '../models/ort-session';
import { decodeCtc, paddleCharset } from './ctc-decode';
import { DB_DEFAULTS, findTextBoxes } from './text-boxes';

/** Where the three PaddleOCR files are. */
export interface OcrFiles {
  detection: string;
  recognition: string;
  dictionary: string;
}

export type { TextLine };

export interface LoadedOcr {
  detector: ort.InferenceSession;
  recogniser: ort.InferenceSession;
  charset: string[];
  device: 'webgpu' | 'wasm';
}

/** Text in frames is small once frames are scaled down: the detector sees them at least this big. */
const DETECT_MIN_SIDE = 640;
const DETECT_MAX_SIDE = 960;
/** PP-OCRv4's recogniser input height. */
const REC_HEIGHT = 48;
/**
 * The text-likeness check: the detector at this long side costs about a quarter of a full pass,
 * and a frame whose map has fewer than GATE_MIN_PIXELS above DB's threshold skips the full pass.
 */
const GATE_SIDE = OCR_PARAMETERS.textLikeGate;
const GATE_MIN_PIXELS = 3;
/** Lines read with less confidence than this are dropped as noise. */
const MIN_LINE_SCORE = OCR_PARAMETERS.minLineScore;
/** PaddleOCR's det normalisation (ImageNet mean/std, applied to BGR as its cv2 pipeline does). */
const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];

export async function loadOcr(
  files: OcrFiles,
  onProgress: (progress: ModelProgress) => void,
  runtime: Pick<ResolvedModel, 'threads' | 'backend'>,
): Promise<LoadedOcr> {
  const [detBytes, recBytes, dictBytes] = await Promise.all([
    fetchCachedFile(files.detection, onProgress),
    fetchCachedFile(files.recognition, onProgress),
    fetchCachedFile(files.dictionary, onProgress),
  ]);
  const det = await createOrtSession(detBytes, files.detection, runtime);
  const rec = await createOrtSession(recBytes, files.recognition, runtime);
  return {
    detector: det.session,
    recogniser: rec.session,
    charset: paddleCharset(new TextDecoder().decode(dictBytes)),
    device: det.device,
  };
}

/** Draws `image` (or a part of it) at `width` × `height` and returns its RGBA pixels. */
function pixels(
  image: ImageBitmap,
  width: number,
  height: number,
  crop: [number, number, number, number] = [0, 0, image.width, image.height],
): Uint8ClampedArray {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('2D canvas is unavailable in this worker');
  const [x0, y0, x1, y1] = crop;
  context.drawImage(image, x0, y0, x1 - x0, y1 - y0, 0, 0, width, height);
  return context.getImageData(0, 0, width, height).data;
}

/** RGBA → CHW BGR float32, each channel through `normalise(value 0–1, BGR channel index)`. */
function toBgrChw(
  rgba: Uint8ClampedArray,
  plane: number,
  normalise: (v: number, c: number) => number,
): Float32Array {
  const out = new Float32Array(3 * plane);
  for (let i = 0; i < plane; i++) {
    for (let c = 0; c < 3; c++) out[c * plane + i] = normalise((rgba[i * 4 + 2 - c] ?? 0) / 255, c);
  }
  return out;
}

const roundTo32 = (v: number) => Math.max(32, Math.round(v / 32) * 32);

/** The detector's text-probability map of `image` drawn `w` × `h` (multiples of 32). */
async function detectMap(ocr: LoadedOcr, image: ImageBitmap, w: number, h: number) {
  const input = toBgrChw(pixels(image, w, h), w * h, (v, c) => (v - MEAN[c]!) / STD[c]!);
  const out = await ocr.detector.run({
    [ocr.detector.inputNames[0] ?? 'x']: new ort.Tensor('float32', input, [1, 3, h, w]),
  });
  const map = out[ocr.detector.outputNames[0] ?? ''];
  if (!map || !(map.data instanceof Float32Array)) {
    throw new Error('the text detector returned nothing');
  }
  const data = map.data.slice();
  map.dispose();
  return data;
}

/**
 * Whether a frame has text-like content at all: the detector on a small copy. Photos, faces and
 * empty slides fail it and skip the full-size pass; anything it is unsure of goes on.
 */
export async function looksLikeText(ocr: LoadedOcr, image: ImageBitmap): Promise<boolean> {
  const long = Math.max(image.width, image.height);
  const ratio = Math.min(1, GATE_SIDE / long);
  const map = await detectMap(
    ocr,
    image,
    roundTo32(image.width * ratio),
    roundTo32(image.height * ratio),
  );
  let above = 0;
  for (const p of map) if (p > DB_DEFAULTS.threshold && ++above >= GATE_MIN_PIXELS) return true;
  return false;
}

/** Detects text regions, then reads each one. */
export async function readText(ocr: LoadedOcr, image: ImageBitmap): Promise<TextLine[]> {
  const long = Math.max(image.width, image.height);
  const ratio = Math.min(DETECT_MAX_SIDE, Math.max(DETECT_MIN_SIDE, long)) / long;
  const w = roundTo32(image.width * ratio);
  const h = roundTo32(image.height * ratio);
  const boxes = findTextBoxes(await detectMap(ocr, image, w, h), w, h);

  const lines: TextLine[] = [];
  const sx = image.width / w;
  const sy = image.height / h;
  for (const { box } of boxes) {
    const crop: [number, number, number, number] = [
      box[0] * sx,
      box[1] * sy,
      box[2] * sx,
      box[3] * sy,
    ];
    const cropW = crop[2] - crop[0];
    const cropH = crop[3] - crop[1];
    if (cropW < 2 || cropH < 2) continue;
    const recW = Math.min(1280, Math.max(16, Math.ceil((REC_HEIGHT * cropW) / cropH)));
    const recInput = toBgrChw(
      pixels(image, recW, REC_HEIGHT, crop),
      recW * REC_HEIGHT,
      (v) => (v - 0.5) / 0.5,
    );
    const recOut = await ocr.recogniser.run({
      [ocr.recogniser.inputNames[0] ?? 'x']: new ort.Tensor('float32', recInput, [
        1,
        3,
        REC_HEIGHT,
        recW,
      ]),
    });
    const probs = recOut[ocr.recogniser.outputNames[0] ?? ''];
    if (!probs || !(probs.data instanceof Float32Array)) continue;
    const [, steps = 0, classes = 0] = probs.dims;
    const { text, score } = decodeCtc(probs.data, steps, classes, ocr.charset);
    probs.dispose();
    if (text && score >= MIN_LINE_SCORE) lines.push({ text, score, box: crop });
  }
  return lines;
}
