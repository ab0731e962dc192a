// The yardstick for `npm run bench -- --real-size --native`: the same model work as BRI's index of
// a video, done natively on this machine in the same sitting — ffmpeg decodes, transformers.js in
// Node on onnxruntime-node (its CPU binary ships in the npm package) runs the same real-size
// models on the same inputs the browser's stages had: Whisper over the same speech regions (in
// the same ≤ 30 s chunks), the speaker models over the same 10 s windows and pieces, the
// captioner, CLIP and YOLOX on the frames those stages looked at, MiniLM on the texts the
// embeddings stage indexed, PaddleOCR's detector on the frames read for text (and its
// recogniser once per line found). Each stage's seconds, and the models' loads apart. Prints
// nothing itself; bench.mjs prints the ratios.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runnerImport } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');
const seconds = (since) => Math.round((performance.now() - since) / 10) / 100;

/** 16 kHz mono Float32 audio of `file`, decoded by ffmpeg. */
function audio16k(file) {
  const raw = execFileSync(
    'ffmpeg',
    ['-v', 'error', '-i', file, '-ac', '1', '-ar', '16000', '-f', 'f32le', '-'],
    {
      maxBuffer: 2 ** 31,
    },
  );
  return new Float32Array(raw.buffer, raw.byteOffset, raw.length / 4);
}

/** One frame at `t` as a PNG file (for the image models' inputs; not timed), by `oneFrame`. */
function framePng(oneFrame, file, t, dir, scale) {
  const out = join(dir, `${t}.png`);
  oneFrame(file, t, scale ?? null, ['-y', out]);
  return out;
}

/** One frame letterboxed to YOLOX's 416×416 BGR input (top-left, pad 114), as raw bytes. */
function yoloxInput(oneFrame, file, t) {
  return oneFrame(
    file,
    t,
    'scale=416:416:force_original_aspect_ratio=decrease,pad=416:416:0:0:color=0x727272',
    ['-pix_fmt', 'bgr24', '-f', 'rawvideo', '-'],
  );
}

/**
 * The native time of each stage's work on `file`, given what the browser's index did (`done`:
 * speech regions, the frames each image stage ran on, the texts embedded, lines read) and where
 * the real-size models are (`modelDir`, holding `test-full/`; `yolox`, `ocrDir`, `vad`).
 */
export async function benchNative({ file, done, modelDir, models, yolox, ocrDir, vad }) {
  const tjs = await import('@huggingface/transformers');
  const ort = await import('onnxruntime-node');
  tjs.env.allowRemoteModels = false;
  tjs.env.localModelPath = `${modelDir}/`;
  const load = { seconds: 0 };
  const timedLoad = async (make) => {
    const started = performance.now();
    const loaded = await make();
    load.seconds += (performance.now() - started) / 1000;
    return loaded;
  };
  const lib = async (path) => (await runnerImport(resolve(ROOT, path))).module;
  const { planChunks } = await lib('workers/lib/asr/chunk-plan.ts');
  const { planWindows } = await lib('workers/lib/speakers/windows.ts');
  const { localStretches, piecesOf } = await lib('workers/lib/speakers/local-speakers.ts');
  const { oneFrame } = await lib('scripts/lib/one-frame.ts');
  const figures = {};
  const dir = mkdtempSync(join(tmpdir(), 'bri-native-'));
  try {
    // Frames: decode the whole video, one frame kept every 2 s (the measure).
    let started = performance.now();
    execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-vf', 'fps=1/2', '-f', 'null', '-']);
    figures.frames = seconds(started);

    // Speech: the audio decoded, Silero VAD over every 512 samples.
    started = performance.now();
    const samples = audio16k(file);
    const silero = await ort.InferenceSession.create(vad);
    let state = new ort.Tensor('float32', new Float32Array(2 * 128), [2, 1, 128]);
    const sr = new ort.Tensor('int64', BigInt64Array.from([16000n]), []);
    for (let i = 0; i + 512 <= samples.length; i += 512) {
      const out = await silero.run({
        input: new ort.Tensor('float32', samples.slice(i, i + 512), [1, 512]),
        state,
        sr,
      });
      state = out.stateN;
    }
    figures.speech = seconds(started);

    // Transcript: the same chunks of the same speech regions, with word timestamps.
    const asr = await timedLoad(() =>
      tjs.pipeline('automatic-speech-recognition', models.asr, { dtype: 'q8' }),
    );
    started = performance.now();
    let mode = 'word';
    for (const chunk of planChunks(done.speechRegions)) {
      const piece = samples.subarray(
        Math.round(chunk.start * 16000),
        Math.round(chunk.end * 16000),
      );
      try {
        await asr(piece, { return_timestamps: mode });
      } catch (error) {
        if (mode !== 'word') throw error;
        mode = true; // an export without cross-attentions: segment timestamps, as BRI falls back
        await asr(piece, { return_timestamps: mode });
      }
    }
    figures.transcript = seconds(started);

    // Speakers: the same 10 s windows, a vector per ≤ 2 s piece of each local speaker.
    const segmenter = await timedLoad(async () => ({
      model: await tjs.AutoModelForAudioFrameClassification.from_pretrained(models.speakerSegment, {
        dtype: 'fp32',
      }),
      processor: await tjs.AutoProcessor.from_pretrained(models.speakerSegment),
    }));
    const voices = await timedLoad(async () => ({
      model: await tjs.AutoModel.from_pretrained(models.speakerEmbed, { dtype: 'fp32' }),
      processor: await tjs.AutoProcessor.from_pretrained(models.speakerEmbed),
    }));
    started = performance.now();
    for (const window of planWindows(done.speechRegions, done.duration)) {
      const input = new Float32Array(160000);
      input.set(
        samples.subarray(
          Math.round(window.start * 16000),
          Math.round(window.start * 16000) + 160000,
        ),
      );
      const { logits } = await segmenter.model(await segmenter.processor(input));
      const [, frames, classes] = logits.dims;
      for (const stretch of localStretches(logits.data, frames, classes, 10 / frames))
        for (const piece of piecesOf(stretch))
          await voices.model(
            await voices.processor(
              input.subarray(Math.round(piece.start * 16000), Math.round(piece.end * 16000)),
            ),
          );
    }
    figures.speakers = seconds(started);

    // The image models, on the frames each stage looked at.
    const pngs = new Map();
    const png = (t) => {
      if (!pngs.has(t)) pngs.set(t, framePng(oneFrame, file, t, dir));
      return pngs.get(t);
    };
    const captioner = await timedLoad(() =>
      tjs.pipeline('image-to-text', models.caption, { dtype: 'q8' }),
    );
    const images = async (times) => Promise.all(times.map((t) => tjs.RawImage.read(png(t))));
    const captionInputs = await images(done.captionTimes);
    started = performance.now();
    for (const image of captionInputs) await captioner(image);
    figures.captions = seconds(started);

    const clipProcessor = await timedLoad(() =>
      tjs.AutoProcessor.from_pretrained(models.imageEmbed),
    );
    const clipVision = await timedLoad(() =>
      tjs.CLIPVisionModelWithProjection.from_pretrained(models.imageEmbed, { dtype: 'q8' }),
    );
    const sentences = await timedLoad(() =>
      tjs.pipeline('feature-extraction', models.textEmbed, { dtype: 'q8' }),
    );
    const embedInputs = await images(done.embeddedFrameTimes);
    started = performance.now();
    for (const image of embedInputs) await clipVision(await clipProcessor(image));
    for (let i = 0; i < done.embeddedTexts.length; i += 16)
      await sentences(done.embeddedTexts.slice(i, i + 16), { pooling: 'mean', normalize: true });
    figures.embeddings = seconds(started);

    const detector = await timedLoad(() => ort.InferenceSession.create(yolox));
    const boxes = done.detectionTimes.map((t) => yoloxInput(oneFrame, file, t));
    started = performance.now();
    for (const bgr of boxes) {
      const chw = new Float32Array(3 * 416 * 416);
      for (let i = 0; i < 416 * 416; i++)
        for (let c = 0; c < 3; c++) chw[c * 416 * 416 + i] = bgr[i * 3 + c];
      await detector.run({
        [detector.inputNames[0]]: new ort.Tensor('float32', chw, [1, 3, 416, 416]),
      });
    }
    figures.objects = seconds(started);

    const det = await timedLoad(() =>
      ort.InferenceSession.create(join(ocrDir, 'ch_PP-OCRv4_det_infer.onnx')),
    );
    const rec = await timedLoad(() =>
      ort.InferenceSession.create(join(ocrDir, 'ch_PP-OCRv4_rec_infer.onnx')),
    );
    const ocrInputs = await Promise.all(
      done.textReadTimes.map((t) =>
        tjs.RawImage.read(framePng(oneFrame, file, t, dir, 'scale=960:-32')).then((image) =>
          image.rgb(),
        ),
      ),
    );
    started = performance.now();
    for (const image of ocrInputs) {
      const pixels = new Float32Array(3 * image.width * image.height);
      for (let i = 0; i < image.width * image.height; i++)
        for (let c = 0; c < 3; c++)
          pixels[c * image.width * image.height + i] = image.data[i * 3 + c] / 255;
      await det.run({
        [det.inputNames[0]]: new ort.Tensor('float32', pixels, [1, 3, image.height, image.width]),
      });
    }
    const line = new Float32Array(3 * 48 * 320).fill(0.5);
    for (let i = 0; i < done.linesRead; i++)
      await rec.run({ [rec.inputNames[0]]: new ort.Tensor('float32', line, [1, 3, 48, 320]) });
    figures.text = seconds(started);

    const work = Object.values(figures).reduce((sum, s) => sum + s, 0);
    return {
      stages: figures,
      loads_s: Math.round(load.seconds * 100) / 100,
      index_s: Math.round((work + load.seconds) * 100) / 100,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
