import type { ModelSpec } from '../src/shared/model-spec';

/**
 * Megvii's 0.1.1rc0 release ONNX files (the same bytes: 3,659,407 and 20,219,662), mirrored on the
 * Hugging Face Hub, which serves downloads with CORS headers. GitHub release assets (the upstream
 * home) come without `Access-Control-Allow-Origin`, so a web page cannot fetch them at all.
 */
const YOLOX_ON_HUB = 'https://huggingface.co/hr16/yolox-onnx/resolve/main';
const CONTRACT =
  'BGR 0–255 image letterboxed top-left to a square (pad 114) → [1, anchors, 85]: raw grid offsets, objectness, 80 COCO class scores (sigmoid applied)';

/** YOLOX-Nano: 0.9 M parameters, 416×416, COCO mAP 25.8. Runs on every frame in well under a second. */
export const YOLOX_NANO: ModelSpec = {
  role: 'detect',
  name: 'YOLOX-Nano (COCO objects)',
  id: 'yolox-nano/yolox_nano.onnx',
  runtime: 'onnxruntime-web',
  revision: 'main',
  dtype: { webgpu: 'fp32', wasm: 'fp32' },
  defaultUrl: `${YOLOX_ON_HUB}/yolox_nano.onnx`,
  approxBytes: 3_700_000,
  licence: 'Apache-2.0',
  contract: `${CONTRACT}; input 416×416`,
};

/** YOLOX-Tiny: 5 M parameters, 416×416, COCO mAP 32.8. */
export const YOLOX_TINY: ModelSpec = {
  ...YOLOX_NANO,
  name: 'YOLOX-Tiny (COCO objects)',
  id: 'yolox-tiny/yolox_tiny.onnx',
  defaultUrl: `${YOLOX_ON_HUB}/yolox_tiny.onnx`,
  approxBytes: 20_200_000,
};
