import type { ModelSpec } from '../src/shared/model-spec';

const CONTRACT = 'text → 384-d sentence embedding (mean pooling, normalised)';

/** all-MiniLM-L6-v2: the standard small sentence embedder. */
export const MINILM_L6: ModelSpec = {
  role: 'textEmbed',
  name: 'all-MiniLM-L6-v2 (search)',
  id: 'Xenova/all-MiniLM-L6-v2',
  runtime: 'transformers.js',
  revision: 'main',
  dtype: { webgpu: 'fp32', wasm: 'q8' },
  approxBytes: 23_000_000,
  licence: 'Apache-2.0',
  contract: CONTRACT,
  pooling: 'mean',
};

/** BGE small: better retrieval quality at the same size class. */
export const BGE_SMALL: ModelSpec = {
  ...MINILM_L6,
  name: 'BGE small en v1.5 (search)',
  id: 'Xenova/bge-small-en-v1.5',
  approxBytes: 34_000_000,
  licence: 'MIT',
  contract: 'text → 384-d sentence embedding (CLS pooling, normalised)',
  pooling: 'cls',
};
