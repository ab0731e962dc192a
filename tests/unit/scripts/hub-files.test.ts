import { describe, expect, it } from 'vitest';
import { WHISPER_TINY_EN } from '../../../models/asr';
import { YOLOX_NANO } from '../../../models/detect';
import { dtypesFor, missingDtypes, pickHubFiles } from '../../../scripts/lib/hub-files';

// The file list of Xenova/whisper-tiny.en as the Hub API reports it (abridged).
const WHISPER_FILES = [
  '.gitattributes',
  'README.md',
  'added_tokens.json',
  'config.json',
  'generation_config.json',
  'merges.txt',
  'normalizer.json',
  'preprocessor_config.json',
  'special_tokens_map.json',
  'tokenizer.json',
  'tokenizer_config.json',
  'vocab.json',
  'onnx/decoder_model.onnx',
  'onnx/decoder_model_merged.onnx',
  'onnx/decoder_model_merged_fp16.onnx',
  'onnx/decoder_model_merged_quantized.onnx',
  'onnx/decoder_model_quantized.onnx',
  'onnx/decoder_with_past_model.onnx',
  'onnx/decoder_with_past_model_quantized.onnx',
  'onnx/encoder_model.onnx',
  'onnx/encoder_model_fp16.onnx',
  'onnx/encoder_model_q4f16.onnx',
  'onnx/encoder_model_quantized.onnx',
  'pytorch_model.bin',
];

describe('which Hub files a self-hosted copy needs', () => {
  it('wants the WASM dtype, the WebGPU dtype and its fallback for adapters without shader-f16', () => {
    expect(dtypesFor(WHISPER_TINY_EN, ['wasm', 'webgpu']).sort()).toEqual(['fp16', 'fp32', 'q8']);
    expect(dtypesFor(WHISPER_TINY_EN, ['wasm'])).toEqual(['q8']);
    expect(
      dtypesFor({ ...YOLOX_NANO, dtype: { webgpu: 'q4f16', wasm: 'q8' } }, ['webgpu']),
    ).toEqual(['q4f16', 'q4']);
  });

  it('takes configs and tokenizers, and only the merged decoder of the wanted dtypes', () => {
    expect(pickHubFiles(WHISPER_FILES, ['q8'])).toEqual([
      'added_tokens.json',
      'config.json',
      'generation_config.json',
      'merges.txt',
      'normalizer.json',
      'onnx/decoder_model_merged_quantized.onnx',
      'onnx/encoder_model_quantized.onnx',
      'preprocessor_config.json',
      'special_tokens_map.json',
      'tokenizer.json',
      'tokenizer_config.json',
      'vocab.json',
    ]);
  });

  it('tells fp32 from the suffixed dtypes, and keeps external data with its graph', () => {
    const files = [
      'onnx/model.onnx',
      'onnx/model.onnx_data',
      'onnx/model_q4f16.onnx',
      'onnx/model_q4.onnx',
    ];
    expect(pickHubFiles(files, ['fp32'])).toEqual(['onnx/model.onnx', 'onnx/model.onnx_data']);
    expect(pickHubFiles(files, ['q4'])).toEqual(['onnx/model_q4.onnx']);
    expect(pickHubFiles(files, ['q4f16'])).toEqual(['onnx/model_q4f16.onnx']);
  });

  it('names the wanted dtypes the repository lacks', () => {
    expect(missingDtypes(WHISPER_FILES, ['q8', 'fp16', 'q4'])).toEqual(['q4']);
  });
});
