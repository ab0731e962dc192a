// The model file as @ricky0123/vad-web publishes it on npm (only this file of the package is
// used; its onnxruntime-web is overridden to ours in package.json). Served by the app itself.
import sileroUrl from '@ricky0123/vad-web/dist/silero_vad_v5.onnx?url';
import { fetchCachedFile } from '../models/file-cache';
import { ort, prepareOrtRuntime } from '../models/ort-runtime';
import { VAD_FRAME_SAMPLES } from '../../../src/shared/analysis-parameters';

export { VAD_FRAME_SAMPLES };
const CONTEXT_SAMPLES = 64;

let session: Promise<ort.InferenceSession> | undefined;

/** The model, kept in the model file cache like any model (so speech detection works offline). */
function loadSession(): Promise<ort.InferenceSession> {
  session ??= (async () => {
    await prepareOrtRuntime();
    const bytes = await fetchCachedFile(sileroUrl);
    // A 2 MB recurrent model run in tiny steps: WASM beats a GPU round trip per step.
    return ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
  })();
  session.catch(() => (session = undefined));
  return session;
}

/** Lanes scored side by side in one batched run: one model call per 8 frames, not per frame. */
const LANES = 8;
/** Frames each lane scores per window (4 s). */
const LANE_FRAMES = 125;
/**
 * Frames each lane runs first, from a fresh state, without keeping their scores (0.5 s): the
 * LSTM state forgets within a few hundred ms, so a lane warmed this way scores its first frame
 * as a single sequential run would.
 */
const WARMUP_FRAMES = 16;
const WINDOW_SAMPLES = LANES * LANE_FRAMES * VAD_FRAME_SAMPLES;
const HISTORY_SAMPLES = WARMUP_FRAMES * VAD_FRAME_SAMPLES + CONTEXT_SAMPLES;

/**
 * Runs Silero VAD over a stream of 16 kHz mono chunks, one probability per 32 ms frame. Audio is
 * scored in 32 s windows split into 8 lanes that run as one batch: per-call overhead in
 * onnxruntime-web, not arithmetic, is what a frame-by-frame loop spends its time on.
 */
export class SileroVad {
  private readonly rate = new ort.Tensor('int64', BigInt64Array.from([16000n]), []);
  /** Audio not yet scored, preceded by HISTORY_SAMPLES already scored (for warm-up). */
  private buffer = new Float32Array(HISTORY_SAMPLES);
  private length = HISTORY_SAMPLES;
  readonly probabilities: number[] = [];

  private constructor(private readonly model: ort.InferenceSession) {}

  static async create(): Promise<SileroVad> {
    return new SileroVad(await loadSession());
  }

  /** Feeds 16 kHz samples; every full 32 s window is scored at once. */
  async push(samples: Float32Array): Promise<void> {
    this.append(samples);
    while (this.length - HISTORY_SAMPLES >= WINDOW_SAMPLES) await this.scoreWindow(WINDOW_SAMPLES);
  }

  /** Scores what is left (whole frames only) once the stream has ended. */
  async finish(): Promise<void> {
    const rest = this.length - HISTORY_SAMPLES;
    const frames = Math.floor(rest / VAD_FRAME_SAMPLES);
    if (frames > 0) await this.scoreWindow(frames * VAD_FRAME_SAMPLES);
  }

  private append(samples: Float32Array): void {
    if (this.length + samples.length > this.buffer.length) {
      const grown = new Float32Array(
        Math.max(this.buffer.length * 2, this.length + samples.length),
      );
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.buffer.set(samples, this.length);
    this.length += samples.length;
  }

  /** Scores the `samples` after the history as up to LANES lanes, then drops them from the buffer. */
  private async scoreWindow(samples: number): Promise<void> {
    const frames = samples / VAD_FRAME_SAMPLES;
    const lanes = Math.ceil(frames / LANE_FRAMES);
    const steps = WARMUP_FRAMES + LANE_FRAMES;
    const width = CONTEXT_SAMPLES + VAD_FRAME_SAMPLES;
    const scores = new Float32Array(lanes * LANE_FRAMES);
    let state: ort.Tensor = new ort.Tensor('float32', new Float32Array(2 * lanes * 128), [
      2,
      lanes,
      128,
    ]);
    const input = new Float32Array(lanes * width);
    for (let step = 0; step < steps; step++) {
      for (let lane = 0; lane < lanes; lane++) {
        // Frame `step` of this lane starts WARMUP_FRAMES frames before the lane's first scored one.
        const start = lane * LANE_FRAMES * VAD_FRAME_SAMPLES + step * VAD_FRAME_SAMPLES;
        const end = Math.min(start + width, HISTORY_SAMPLES + samples);
        const row = input.subarray(lane * width, (lane + 1) * width);
        row.fill(0);
        if (end > start) row.set(this.buffer.subarray(start, end));
      }
      const out = await this.model.run({
        input: new ort.Tensor('float32', input, [lanes, width]),
        state,
        sr: this.rate,
      });
      const next = out.stateN;
      const output = out.output?.data;
      if (!next || !(output instanceof Float32Array))
        throw new Error('Silero VAD returned no output');
      state = next;
      if (step < WARMUP_FRAMES) continue;
      for (let lane = 0; lane < lanes; lane++)
        scores[lane * LANE_FRAMES + step - WARMUP_FRAMES] = output[lane] ?? 0;
    }
    for (let i = 0; i < frames; i++) this.probabilities.push(scores[i] ?? 0);
    this.buffer.copyWithin(0, samples, this.length);
    this.length -= samples;
  }
}
