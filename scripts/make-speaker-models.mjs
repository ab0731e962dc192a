// `node scripts/make-speaker-models.mjs [folder]`: writes the speakers stage's fixture models —
// pyannote segmentation-3.0 and WeSpeaker ResNet34 in transformers.js layout, with the real
// models' inputs, outputs and config — whose graphs compute something real instead of random
// weights, so a test can tell two voices apart:
// - segmentation: a local speaker is active where a frame's energy is speech-like (log mean
//   square over pyannote's 991-sample receptive field, every 270 samples, above 1e-4); the
//   logits are pyannote's 7 powerset classes (silence, speaker 1, …), only the first two used;
// - embedding: a voice's average spectral shape — the mean log-mel band over the clip, its mean
//   across bands taken off, L2-normalised — in a 256-wide vector like WeSpeaker's.
// Written under ~/.cache/bri/speaker-models (or BRI_SPEAKER_MODELS_DIR), never into the repo;
// served to the tests as a model base URL mount (playwright.config.ts). Takes well under a second.
import { mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { floatTensor, node, onnxModel } from './lib/onnx-writer.mjs';
import { realSizeSegmentation, realSizeSpeakerEmbedder } from './lib/real-size-speakers.mjs';

export const SPEAKER_MODELS_DIR =
  process.env.BRI_SPEAKER_MODELS_DIR ?? join(homedir(), '.cache', 'bri', 'speaker-models');

/** Bumped whenever a graph changes, so a cached copy is rebuilt. */
export const SPEAKER_MODELS_VERSION = '1';

const RECEPTIVE_FIELD = 991;
const STEP = 270;
const SPEECH_ENERGY = 1e-4;
const MEL_BINS = 80;
const EMBEDDING = 256;

function segmentation() {
  const silence = -20;
  return onnxModel({
    name: 'pyannote-segmentation-energy',
    inputs: [{ name: 'input_values', dims: ['batch', 1, 'samples'] }],
    outputs: [{ name: 'logits', dims: ['batch', 'frames', 7] }],
    initializers: [
      floatTensor(
        'window',
        [1, 1, RECEPTIVE_FIELD],
        new Array(RECEPTIVE_FIELD).fill(1 / RECEPTIVE_FIELD),
      ),
      floatTensor('floor', [], [1e-10]),
      floatTensor('threshold', [], [Math.log(SPEECH_ENERGY)]),
      floatTensor('zero', [], [0]),
      floatTensor('silence', [], [silence]),
    ],
    nodes: [
      node('Mul', ['input_values', 'input_values'], ['power']),
      node('Conv', ['power', 'window'], ['energy'], { strides: [STEP] }),
      node('Add', ['energy', 'floor'], ['energy_floored']),
      node('Log', ['energy_floored'], ['log_energy']),
      node('Sub', ['log_energy', 'threshold'], ['speechlike']),
      node('Transpose', ['speechlike'], ['active'], { perm: [0, 2, 1] }),
      node('Neg', ['active'], ['quiet']),
      node('Mul', ['active', 'zero'], ['zeros']),
      node('Add', ['zeros', 'silence'], ['never']),
      node('Concat', ['quiet', 'active', 'never', 'never', 'never', 'never', 'never'], ['logits'], {
        axis: 2,
      }),
    ],
  });
}

function embedding() {
  const pad = new Array(MEL_BINS * EMBEDDING).fill(0);
  for (let i = 0; i < MEL_BINS; i++) pad[i * EMBEDDING + i] = 1;
  return onnxModel({
    name: 'wespeaker-spectral-shape',
    inputs: [{ name: 'input_features', dims: ['batch', 'frames', MEL_BINS] }],
    outputs: [{ name: 'embeddings', dims: ['batch', EMBEDDING] }],
    initializers: [floatTensor('pad', [MEL_BINS, EMBEDDING], pad)],
    nodes: [
      node('ReduceMean', ['input_features'], ['bands'], { axes: [1], keepdims: 0 }),
      node('ReduceMean', ['bands'], ['level'], { axes: [1], keepdims: 1 }),
      node('Sub', ['bands', 'level'], ['shape']),
      node('LpNormalization', ['shape'], ['unit'], { axis: 1, p: 2 }),
      node('MatMul', ['unit', 'pad'], ['embeddings']),
    ],
  });
}

function writeModel(folder, files, graph) {
  mkdirSync(join(folder, 'onnx'), { recursive: true });
  for (const [name, content] of Object.entries(files))
    writeFileSync(join(folder, name), `${JSON.stringify(content, null, 2)}\n`);
  // One graph under both names: fp32 and the q8 name transformers.js loads on WASM.
  writeFileSync(join(folder, 'onnx', 'model.onnx'), graph);
  writeFileSync(join(folder, 'onnx', 'model_quantized.onnx'), graph);
}

const SEGMENTATION_CONFIG = {
  model_type: 'pyannote',
  architectures: ['PyAnnoteForAudioFrameClassification'],
  num_labels: 7,
};
const SEGMENTATION_PREPROCESSOR = {
  feature_extractor_type: 'PyAnnoteFeatureExtractor',
  processor_class: 'PyAnnoteProcessor',
  sampling_rate: 16000,
  feature_size: 1,
  padding_value: 0,
  padding_side: 'right',
  return_attention_mask: false,
  step: STEP,
  offset: 721,
};
const EMBEDDER_PREPROCESSOR = {
  feature_extractor_type: 'WeSpeakerFeatureExtractor',
  sampling_rate: 16000,
  feature_size: 80,
  num_mel_bins: MEL_BINS,
  padding_value: 0,
  padding_side: 'right',
  return_attention_mask: false,
  min_num_frames: 100,
  fbank_centering_span: null,
};

/** The folders (under `test-full/`) of the real-size random models the bench loads. */
export const REAL_SIZE_SPEAKER_FOLDERS = {
  speakerSegment: 'pyannote-segmentation-3.0-fullsize-random',
  speakerEmbed: 'wespeaker-voxceleb-resnet34-LM-fullsize-random',
};

/**
 * Both models at their real dimensions with random weights (scripts/lib/real-size-speakers.mjs),
 * with the real models' config, under `dir` (the bench's `test-full/`). A few seconds.
 */
export function makeRealSizeSpeakerModels(dir) {
  writeModel(
    join(dir, REAL_SIZE_SPEAKER_FOLDERS.speakerSegment),
    { 'config.json': SEGMENTATION_CONFIG, 'preprocessor_config.json': SEGMENTATION_PREPROCESSOR },
    realSizeSegmentation(),
  );
  writeModel(
    join(dir, REAL_SIZE_SPEAKER_FOLDERS.speakerEmbed),
    {
      'config.json': { model_type: 'wespeaker-resnet', architectures: ['WeSpeakerResNetModel'] },
      'preprocessor_config.json': EMBEDDER_PREPROCESSOR,
    },
    realSizeSpeakerEmbedder(),
  );
  return dir;
}

/** Writes both fixtures under `dir` and returns it. */
export function makeSpeakerModels(dir = SPEAKER_MODELS_DIR) {
  writeModel(
    join(dir, 'pyannote-segmentation-3.0-energy'),
    {
      'config.json': {
        model_type: 'pyannote',
        architectures: ['PyAnnoteForAudioFrameClassification'],
        num_labels: 7,
        id2label: {
          0: 'NO_SPEAKER',
          1: 'SPEAKER_1',
          2: 'SPEAKER_2',
          3: 'SPEAKER_3',
          4: 'SPEAKER_1+2',
          5: 'SPEAKER_1+3',
          6: 'SPEAKER_2+3',
        },
      },
      'preprocessor_config.json': SEGMENTATION_PREPROCESSOR,
    },
    segmentation(),
  );
  writeModel(
    join(dir, 'wespeaker-voxceleb-resnet34-LM-spectral'),
    {
      'config.json': {
        model_type: 'wespeaker-resnet',
        architectures: ['WeSpeakerResNetModel'],
        // Spectral shapes of two voices lie closer than two WeSpeaker vectors do.
        same_speaker_below: 0.5,
      },
      // The real model's features are centred per clip (null); the fixture reads the clip's
      // average spectrum, which centring would remove.
      'preprocessor_config.json': { ...EMBEDDER_PREPROCESSOR, fbank_centering_span: 0 },
    },
    embedding(),
  );
  writeFileSync(join(dir, 'VERSION'), SPEAKER_MODELS_VERSION);
  return dir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [first, second] = process.argv.slice(2);
  if (first === '--real-size')
    console.log(`Real-size speaker models written to ${makeRealSizeSpeakerModels(second)}`);
  else console.log(`Speaker fixture models written to ${makeSpeakerModels(first)}`);
}
