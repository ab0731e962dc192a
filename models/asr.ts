import type { ModelSpec } from '../src/shared/model-spec';

const CONTRACT =
  '16 kHz mono Float32 (≤ 30 s per call) → text segments with timestamps and word timestamps';

/** Whisper tiny, English only: fast, good on clear narration. */
export const WHISPER_TINY_EN: ModelSpec = {
  role: 'asr',
  name: 'Whisper tiny (English)',
  id: 'Xenova/whisper-tiny.en',
  runtime: 'transformers.js',
  revision: 'main',
  dtype: { webgpu: 'fp16', wasm: 'q8' },
  approxBytes: 41_000_000,
  licence: 'MIT',
  contract: CONTRACT,
};

/** Whisper base, multilingual: detects the language, better on accents and noise. */
export const WHISPER_BASE: ModelSpec = {
  ...WHISPER_TINY_EN,
  name: 'Whisper base (multilingual)',
  id: 'Xenova/whisper-base',
  approxBytes: 77_000_000,
  contract: `${CONTRACT}; language detection`,
};
