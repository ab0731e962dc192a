import type { ModelSpec } from '../src/shared/model-spec';

/** CLIP ViT-B/16: image and text in one space, for text → frame search. */
export const CLIP_B16: ModelSpec = {
  role: 'imageEmbed',
  name: 'CLIP ViT-B/16 (frame search)',
  id: 'Xenova/clip-vit-base-patch16',
  runtime: 'transformers.js',
  revision: 'main',
  dtype: { webgpu: 'fp16', wasm: 'q8' },
  approxBytes: 150_000_000,
  licence: 'MIT',
  contract: 'RGB image or text → 512-d embedding in a shared space',
};
