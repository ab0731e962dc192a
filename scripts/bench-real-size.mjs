// `npm run bench -- --real-size [--long-video]`: the journey from the drop with Whisper, the
// captioner and the embedders at their real dimensions (random weights, q8 on WASM as the app
// loads them), built on first use by ../shared/tools/real-size-models into a cache folder outside
// the repo. Prints figures; asserts nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { openFreshChromium } from './lib/fresh-chromium.mjs';
import { chooseFile } from './lib/choose-file.mjs';
import { runnerImport } from 'vite';
import { benchFirstAnswer } from './bench-first-answer.mjs';
import { makeRealSizeSpeakerModels, REAL_SIZE_SPEAKER_FOLDERS } from './make-speaker-models.mjs';

/** Where the built models live (`<dir>/test-full/<folder>`): never inside the repo. */
export const REAL_SIZE_DIR = resolve(
  process.env.BRI_REAL_SIZE_DIR ?? join(homedir(), '.cache/bri/real-size-models'),
);
const FOLDERS = {
  asr: 'whisper-tiny.en-fullsize-random',
  caption: 'vit-gpt2-image-captioning-fullsize-random',
  textEmbed: 'all-MiniLM-L6-v2-fullsize-random',
  imageEmbed: 'clip-vit-base-patch16-fullsize-random',
  ...REAL_SIZE_SPEAKER_FOLDERS,
};
/** Folders the Python builder makes (the speaker models are written by this checkout). */
const PYTHON_FOLDERS = Object.values(FOLDERS).filter(
  (folder) => !Object.values(REAL_SIZE_SPEAKER_FOLDERS).includes(folder),
);
/** The model ids the page is configured with: `test-full/<folder>` under the model base URL. */
export const REAL_SIZE_MODELS = Object.fromEntries(
  Object.entries(FOLDERS).map(([role, folder]) => [role, `test-full/${folder}`]),
);
const TERMINAL = ['done', 'skipped', 'failed', 'cancelled'];
/** Stages whose model runs on frames: their `modelFrames` are the frames actually looked at. */
const IMAGE_STAGES = ['objects', 'text', 'captions', 'embeddings'];

/** Builds the real-size models when any is missing (about 5 minutes and 3 GB, once). */
export function ensureRealSizeModels(shared) {
  const speakers = Object.values(REAL_SIZE_SPEAKER_FOLDERS);
  if (
    speakers.some((folder) => !existsSync(join(REAL_SIZE_DIR, 'test-full', folder, 'config.json')))
  )
    makeRealSizeSpeakerModels(join(REAL_SIZE_DIR, 'test-full'));
  const missing = PYTHON_FOLDERS.filter(
    (folder) => !existsSync(join(REAL_SIZE_DIR, 'test-full', folder, 'config.json')),
  );
  if (missing.length === 0) return;
  const script = join(shared, 'tools/real-size-models/make_full_size_models.py');
  const torch = spawnSync('/usr/bin/python3', ['-c', 'import torch, onnx'], { stdio: 'ignore' });
  if (torch.status !== 0)
    throw new Error(
      `The real-size models (${missing.join(', ')}) are not built and /usr/bin/python3 lacks torch or onnx.\n` +
        `Install them with: apt-get install -y python3-torch python3-onnx — then run the bench again\n` +
        `(it runs ${script} once, about 5 minutes, about 3 GB in ${REAL_SIZE_DIR}).`,
    );
  console.info(`building the real-size models into ${REAL_SIZE_DIR} (once; about 5 minutes)…`);
  const built = spawnSync(
    '/usr/bin/python3',
    [script, '--out', join(REAL_SIZE_DIR, 'test-full'), '--only', buildNames(missing)],
    { stdio: 'inherit' },
  );
  if (built.status !== 0) throw new Error(`${script} failed (exit ${built.status})`);
}

/** The build script's `--only` list for these folders. */
function buildNames(folders) {
  return folders.map((folder) => folder.replace('-fullsize-random', '')).join(',');
}

/** `lecture-5min.mp4` joined `times` times with ffmpeg (stream copy), cached in REAL_SIZE_DIR. */
export function joinedVideo(source, times) {
  const out = join(REAL_SIZE_DIR, `lecture-x${times}.mp4`);
  if (existsSync(out)) return out;
  mkdirSync(REAL_SIZE_DIR, { recursive: true });
  const list = join(REAL_SIZE_DIR, `lecture-x${times}.txt`);
  writeFileSync(list, Array.from({ length: times }, () => `file '${source}'\n`).join(''));
  const made = spawnSync(
    'ffmpeg',
    ['-v', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', list, '-c', 'copy', out],
    { stdio: 'inherit' },
  );
  if (made.status !== 0) throw new Error(`ffmpeg could not join ${source} ${times} times`);
  return out;
}

/**
 * Drops `file` into a fresh profile of its own Chromium (so the renderer's processes are known and
 * their memory read from /proc) with the real-size models and auto-analysis on, and times
 * chat-ready, every stage and the full index from the drop.
 */
/** A Chromium of its own (fresh profile) with the app open on the real-size models. */
async function openRealSizePage({ appUrl, modelBaseUrl, chromiumArgs, wasmThreads }) {
  const opened = await openFreshChromium('real-size', chromiumArgs);
  const { page } = opened;
  await page.goto(appUrl);
  await page.waitForFunction(() => typeof window.bri?.importVideo === 'function');
  await page.evaluate(
    ([modelBaseUrl, models, wasmThreads]) =>
      window.bri.configure({ autoAnalyse: true, modelBaseUrl, models, wasmThreads }),
    [modelBaseUrl, REAL_SIZE_MODELS, wasmThreads],
  );
  return opened;
}

/** The first answer about the last 30 s of `file`, asked at its drop, with the real-size models. */
export async function benchRealSizeFirstAnswer(options) {
  const { page, close } = await openRealSizePage(options);
  try {
    return await benchFirstAnswer(page, options.file);
  } finally {
    await close();
  }
}

export async function benchJourney({
  appUrl,
  modelBaseUrl,
  file,
  duration,
  chromiumArgs,
  wasmThreads,
}) {
  const { browserPidFor, rendererMemory, samplePeak } = (
    await runnerImport(resolve(import.meta.dirname, 'lib/renderer-memory.ts'))
  ).module;
  const { profile, page, close } = await openRealSizePage({
    appUrl,
    modelBaseUrl,
    chromiumArgs,
    wasmThreads,
  });
  const measure = rendererMemory(browserPidFor(profile));
  const memory = samplePeak(measure, 500);
  /** The most memory seen while each set of stages was running. */
  const peaks = new Map();
  try {
    const { device } = await page.evaluate(() => window.bri.diagnostics());
    const compute = {
      crossOriginIsolated: device.crossOriginIsolated,
      cores: device.cores,
      wasm_threads: device.wasmThreads,
      model_lanes: device.modelLanes,
      backend: device.webgpu ? `webgpu available (${device.adapter})` : 'wasm',
    };
    const dropped = await chooseFile(page, file);
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="library.card"]').length === 1,
    );
    const id = await page.evaluate(async () => (await window.bri.listVideos())[0].id);
    let chatReady = null;
    const doneAt = {};
    let status;
    for (;;) {
      status = await page.evaluate((id) => window.bri.status(id), id);
      const since = (Date.now() - dropped) / 1000;
      if (chatReady === null && status.chatReady) chatReady = since;
      for (const [stage, s] of Object.entries(status.stages))
        if (TERMINAL.includes(s.state)) doneAt[stage] ??= since;
      const running = Object.entries(status.stages)
        .filter(([, s]) => s.state === 'running')
        .map(([stage]) => stage)
        .join('+');
      peaks.set(running, Math.max(peaks.get(running) ?? 0, Math.round(measure() / 1e6)));
      if (Object.values(status.stages).every((s) => TERMINAL.includes(s.state))) break;
      // Fine-grained until chat-ready (a figure of about a second), then every 250 ms.
      await new Promise((r) => setTimeout(r, chatReady === null ? 50 : 250));
    }
    const indexTotal = (Date.now() - dropped) / 1000;
    const round = (n) => (n === null || n === undefined ? null : Math.round(n * 100) / 100);
    const stages = Object.fromEntries(
      Object.entries(status.stages).map(([stage, s]) => [
        stage,
        {
          state: s.state,
          seconds: round(s.stats.seconds),
          done_at_s: round(doneAt[stage]),
          ...(s.stats.modelFrames === undefined ? {} : { model_frames: s.stats.modelFrames }),
          ...(s.state === 'done' ? {} : { detail: s.detail }),
        },
      ]),
    );
    // What the stages did, for the native yardstick to do the same (bench-native.mjs).
    const done = await page.evaluate(async (id) => {
      const index = await window.bri.getIndex(id);
      const video = await window.bri.getVideo(id);
      return {
        duration: video.duration,
        speechRegions: index.speechRegions,
        // Only what a model looked at: rows copied from another frame of the shot are not work.
        captionTimes: index.captions.filter((c) => c.reusedFrom === undefined).map((c) => c.t),
        detectionTimes: index.detections.filter((d) => d.reusedFrom === undefined).map((d) => d.t),
        embeddedFrameTimes: index.captions
          .filter((c) => c.reusedFrom === undefined)
          .map((c) => c.t)
          .filter((t) => index.embeddings.some((e) => e.source === 'frame' && e.start === t)),
        embeddedTexts: [
          ...new Set(index.embeddings.filter((e) => e.source !== 'frame').map((e) => e.text)),
        ],
        textReadTimes: index.onScreenText
          .filter((o) => o.textLike && o.reusedFrom === undefined)
          .map((o) => o.t),
        linesRead: index.onScreenText
          .filter((o) => o.reusedFrom === undefined)
          .reduce((n, o) => n + o.lines.length, 0),
      };
    }, id);
    const modelFrames = Math.max(
      0,
      ...IMAGE_STAGES.map((stage) => status.stages[stage].stats.modelFrames ?? 0),
    );
    return {
      ...compute,
      chat_ready_s: round(chatReady),
      index_total_s: round(indexTotal),
      frames: status.stages.frames.stats.frames,
      model_frames: modelFrames,
      real_time_factor: round(indexTotal / duration),
      // Every sample counts: the status polls' own samples (per set of stages) as well.
      peak_renderer_mb: Math.max(Math.round(memory.stop() / 1e6), ...peaks.values()),
      peak_renderer_mb_while: Object.fromEntries([...peaks].filter(([running]) => running)),
      // The speakers stage (pyannote + WeSpeaker at their real sizes) and its share of the index.
      speakers_s: stages.speakers?.seconds ?? null,
      speakers_share_of_index: round((stages.speakers?.seconds ?? 0) / indexTotal),
      stages,
      done,
    };
  } finally {
    memory.stop();
    await close();
  }
}
