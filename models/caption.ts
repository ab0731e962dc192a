import type { ModelSpec } from '../src/shared/model-spec';

const CONTRACT = 'RGB image → one English caption; confidence = mean token probability';

/** ViT + GPT-2 captioner: small and quick, short literal captions. */
export const VIT_GPT2: ModelSpec = {
  role: 'caption',
  name: 'ViT-GPT2 captions',
  id: 'Xenova/vit-gpt2-image-captioning',
  runtime: 'transformers.js',
  revision: 'main',
  dtype: { webgpu: 'fp16', wasm: 'q8' },
  approxBytes: 250_000_000,
  licence: 'Apache-2.0',
  contract: CONTRACT,
};

/** BLIP base: the seed's captioner; richer captions, slower. */
export const BLIP_BASE: ModelSpec = {
  ...VIT_GPT2,
  name: 'BLIP base captions',
  id: 'Xenova/blip-image-captioning-base',
  approxBytes: 250_000_000,
  licence: 'BSD-3-Clause',
};
