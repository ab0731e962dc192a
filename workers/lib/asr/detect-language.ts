import { Tensor, type AutomaticSpeechRecognitionPipeline } from '@huggingface/transformers';

/** The language Whisper hears in a stretch of audio, and how sure it is (0–1). */
export interface DetectedLanguage {
  code: string;
  probability: number;
}

interface WhisperGenerationConfig {
  is_multilingual?: boolean;
  decoder_start_token_id: number;
  lang_to_id?: Record<string, number>;
}

function generationConfig(asr: AutomaticSpeechRecognitionPipeline): WhisperGenerationConfig {
  return (asr.model as unknown as { generation_config: WhisperGenerationConfig }).generation_config;
}

/** True for Whisper models that speak many languages (not the `.en` ones). */
export function isMultilingual(asr: AutomaticSpeechRecognitionPipeline): boolean {
  const config = generationConfig(asr);
  return !!config.is_multilingual && !!config.lang_to_id;
}

/** Softmax over a few logits, stable for large values. */
function softmax(logits: number[]): number[] {
  const max = Math.max(...logits);
  const exps = logits.map((v) => Math.exp(v - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((v) => v / sum);
}

/**
 * Whisper's language identification, as openai/whisper does it: one decoder step after
 * `<|startoftranscript|>`, its logits restricted to the language tokens. transformers.js 4.3
 * has no detection of its own: without a language it assumes English (transformers.js#302).
 */
export async function detectLanguage(
  asr: AutomaticSpeechRecognitionPipeline,
  samples: Float32Array,
): Promise<DetectedLanguage> {
  const config = generationConfig(asr);
  const languages = Object.entries(config.lang_to_id ?? {});
  const { input_features } = (await asr.processor(samples)) as { input_features: Tensor };
  const start = BigInt(config.decoder_start_token_id);
  const decoder_input_ids = new Tensor('int64', BigInt64Array.from([start]), [1, 1]);
  const { logits } = (await asr.model({ input_features, decoder_input_ids })) as {
    logits: Tensor;
  };
  const vocabulary = logits.dims.at(-1) ?? 0;
  const last = (logits.data as Float32Array).subarray(-vocabulary);
  const probabilities = softmax(languages.map(([, id]) => last[id] ?? -Infinity));
  let best = 0;
  probabilities.forEach((p, i) => (best = p > (probabilities[best] ?? 0) ? i : best));
  const token = languages[best]?.[0] ?? '<|en|>';
  return { code: token.slice(2, -2), probability: probabilities[best] ?? 0 };
}
