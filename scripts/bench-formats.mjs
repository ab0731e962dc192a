// `formats` in `npm run bench -- --formats`'s JSON line: each real-size model graph in each
// numeric format the WASM backend could run (fp32, q8 = MatMulInteger / ConvInteger, q4 =
// MatMulNBits, made here by lib/make-q4.py when missing), timed on onnxruntime-web's own WASM
// build (the file the app loads, run in Node) with the app's threads, on inputs of the sizes the
// stages give it. The figures behind `dtype.wasm` in models/*.ts. fp16 is not measured: the WASM
// build has no fp16 arithmetic, so fp16 weights run as fp32 after a cast.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';

/** Per role, the graphs timed and the sizes of their inputs' free dimensions. */
const GRAPHS = [
  ['asr', 'whisper-tiny.en-fullsize-random', 'encoder_model', { encoder_sequence_length: 1500 }],
  [
    'asr',
    'whisper-tiny.en-fullsize-random',
    'decoder_model_merged',
    { encoder_sequence_length: 1500, encoder_sequence_length_out: 1500 },
  ],
  ['caption', 'vit-gpt2-image-captioning-fullsize-random', 'encoder_model', {}],
  [
    'caption',
    'vit-gpt2-image-captioning-fullsize-random',
    'decoder_model_merged',
    { encoder_sequence_length: 197 },
  ],
  ['imageEmbed', 'clip-vit-base-patch16-fullsize-random', 'vision_model', {}],
  [
    'textEmbed',
    'all-MiniLM-L6-v2-fullsize-random',
    'model',
    { sequence_length: 32, batch_size: 8 },
  ],
  ['speakerSegment', 'pyannote-segmentation-3.0-fullsize-random', 'model', { samples: 160_000 }],
  ['speakerEmbed', 'wespeaker-voxceleb-resnet34-LM-fullsize-random', 'model', { frames: 300 }],
];
const SUFFIX = { fp32: '', q8: '_quantized', q4: '_q4' };

/** A free dimension's size: named ones from GRAPHS, else batch 1, one new token after 20. */
function sizeOf(name, dims) {
  if (typeof name === 'number') return name;
  if (name in dims) return dims[name];
  if (/batch/.test(name)) return 1;
  if (/past/.test(name)) return 20;
  if (/decoder_sequence/.test(name)) return 1;
  return 16;
}

function feedsFor(ort, session, dims) {
  const feeds = {};
  for (const input of session.inputMetadata) {
    const shape = input.shape.map((d) => sizeOf(d, dims));
    const n = shape.reduce((a, b) => a * b, 1);
    const data =
      input.type === 'int64'
        ? new BigInt64Array(n).fill(1n)
        : input.type === 'bool'
          ? Uint8Array.of(1)
          : Float32Array.from({ length: n }, (_, i) => Math.sin(i) / 2);
    feeds[input.name] = new ort.Tensor(input.type, data, shape);
  }
  return feeds;
}

/** Milliseconds per run (mean of `runs` after one warm-up run). */
async function timeGraph(ort, file, dims, runs, options = {}) {
  const session = await ort.InferenceSession.create(file, options);
  try {
    const feeds = feedsFor(ort, session, dims);
    await session.run(feeds);
    const started = performance.now();
    for (let i = 0; i < runs; i++) await session.run(feeds);
    return Math.round(((performance.now() - started) / runs) * 10) / 10;
  } finally {
    await session.release();
  }
}

export async function benchFormats({ modelDir }) {
  const ort = await import('onnxruntime-web');
  const native = (await import('onnxruntime-node')).default;
  // The app's choice on this device (src/shared/wasm-threads.ts): every core, at most 4.
  const threads = Math.min(4, availableParallelism());
  ort.env.wasm.numThreads = threads;
  const q4 = resolve(import.meta.dirname, 'lib/make-q4.py');
  const figures = {};
  for (const [role, folder, graph, dims] of GRAPHS) {
    const base = join(modelDir, folder, 'onnx', graph);
    if (!existsSync(`${base}_q4.onnx`)) {
      const made = spawnSync('/usr/bin/python3', [q4, `${base}.onnx`, `${base}_q4.onnx`], {
        stdio: 'inherit',
      });
      if (made.status !== 0) throw new Error(`${q4} failed for ${base}.onnx`);
    }
    const row = {};
    for (const [format, suffix] of Object.entries(SUFFIX))
      row[format] = await timeGraph(
        ort,
        `${base}${suffix}.onnx`,
        dims,
        /decoder/.test(graph) ? 20 : 3,
      );
    figures[`${role}/${graph}`] = {
      ...row,
      fastest: Object.entries(row).sort((a, b) => a[1] - b[1])[0][0],
    };
  }
  // The same graphs in the chosen formats natively (onnxruntime-node, as many threads), after
  // all the WASM runs (native thread pools must not overlap them): the kernels' own ratio, a
  // floor for each stage's ratio in the native yardstick.
  for (const [role, folder, graph, dims] of GRAPHS) {
    const row = figures[`${role}/${graph}`];
    const file = join(modelDir, folder, 'onnx', `${graph}${SUFFIX[row.fastest]}.onnx`);
    row.native_ms = await timeGraph(native, file, dims, /decoder/.test(graph) ? 20 : 3, {
      intraOpNumThreads: threads,
    });
    row.kernel_ratio = Math.round((row[row.fastest] / row.native_ms) * 100) / 100;
  }
  return { threads, ms_per_run: figures };
}
