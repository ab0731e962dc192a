import type { ModelSpec } from '../src/shared/model-spec';

/**
 * Qwen2.5 0.5B Instruct: a small chat model for answering without Groq (no key, offline). Only
 * downloaded when local chat is turned on in Settings; WebGPU makes it usable, WASM is slow.
 */
export const QWEN25_05B: ModelSpec = {
  role: 'chatLlm',
  name: 'Qwen2.5 0.5B Instruct (local chat, optional)',
  id: 'onnx-community/Qwen2.5-0.5B-Instruct',
  runtime: 'transformers.js',
  revision: 'main',
  dtype: { webgpu: 'q4f16', wasm: 'q8' },
  approxBytes: 500_000_000,
  optional: true,
  licence: 'Apache-2.0',
  contract: 'chat messages (with the facts the tools found) → a short answer, streamed',
};
