// @vitest-environment node
import { env, pipeline, type AutomaticSpeechRecognitionPipeline } from '@huggingface/transformers';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectLanguage, isMultilingual } from '../../../workers/lib/asr/detect-language';
import { MODELS_DIR } from '../../paths';

// The random-weight Whisper fixtures (../shared/models/test), run by transformers.js in Node.
const load = (id: string) =>
  pipeline('automatic-speech-recognition', id, {
    dtype: 'q8',
  }) as Promise<AutomaticSpeechRecognitionPipeline>;

describe('Whisper language detection', () => {
  beforeAll(() => {
    env.localModelPath = `${MODELS_DIR}/`;
    env.allowRemoteModels = false;
  });

  it('knows English-only models from multilingual ones', async () => {
    expect(isMultilingual(await load('test/whisper-tiny.en-random'))).toBe(false);
    expect(isMultilingual(await load('test/whisper-tiny-random'))).toBe(true);
  });

  it('names one of the model’s languages, with the probability of the best', async () => {
    const asr = await load('test/whisper-tiny-random');
    const noise = Float32Array.from({ length: 16_000 * 3 }, (_, i) => Math.sin(i / 7) * 0.1);
    const { code, probability } = await detectLanguage(asr, noise);
    const config = (asr.model as unknown as { generation_config: { lang_to_id: object } })
      .generation_config;
    expect(Object.keys(config.lang_to_id)).toContain(`<|${code}|>`);
    const languages = Object.keys(config.lang_to_id).length;
    expect(probability).toBeGreaterThanOrEqual(1 / languages);
    expect(probability).toBeLessThanOrEqual(1);
    // The same audio gives the same answer (one deterministic decoder step).
    expect((await detectLanguage(asr, noise)).code).toBe(code);
  });
});
