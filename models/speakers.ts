import type { ModelSpec } from '../src/shared/model-spec';

/**
 * Who speaks when (the speakers stage): pyannote's segmentation finds up to three local speakers
 * in each 10 s window (two at once when they overlap), and WeSpeaker's embedding gives each
 * stretch of one voice a vector; clustering those across the whole recording names the voices.
 */
export const PYANNOTE_SEGMENTATION: ModelSpec = {
  role: 'speakerSegment',
  name: 'pyannote segmentation 3.0',
  id: 'onnx-community/pyannote-segmentation-3.0',
  runtime: 'transformers.js',
  revision: 'main',
  dtype: { webgpu: 'fp32', wasm: 'fp32' },
  approxBytes: 5_900_000,
  licence: 'MIT',
  contract:
    '16 kHz mono Float32, 10 s windows → per ~17 ms frame, 7 powerset classes of up to 3 local speakers',
};

/** WeSpeaker ResNet34 (VoxCeleb, large-margin fine-tuned): one vector per stretch of a voice. */
export const WESPEAKER_RESNET34: ModelSpec = {
  role: 'speakerEmbed',
  name: 'WeSpeaker ResNet34 (VoxCeleb)',
  id: 'onnx-community/wespeaker-voxceleb-resnet34-LM',
  runtime: 'transformers.js',
  revision: 'main',
  dtype: { webgpu: 'fp32', wasm: 'fp32' },
  approxBytes: 26_500_000,
  // The weights (trained on VoxCeleb): attribution required; WeSpeaker's code is Apache-2.0.
  licence: 'CC-BY-4.0',
  contract: '16 kHz mono Float32 → 80-band fbank → a 256-dimensional speaker vector',
  // Voices closer than this (cosine distance) are one speaker: pyannote 3.1's threshold for
  // this model's vectors.
  sameSpeakerBelow: 0.7,
};
