import * as ort from 'onnxruntime-web/wasm';
// The model and onnxruntime's wasm are served by the app itself, never a CDN.
import sileroUrl from '@ricky0123/vad-web/dist/silero_vad_v5.onnx?url';
import ortMjsUrl from 'onnxruntime-web/ort-wasm-simd-threaded.mjs?url';
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';

/** Silero v5 at 16 kHz: 512 new samples per frame, plus the previous frame's last 64 as context. */
export const VAD_FRAME_SAMPLES = 512;
const CONTEXT_SAMPLES = 64;
export const VAD_MODEL = { id: 'silero-vad-v5', source: '@ricky0123/vad-web', licence: 'MIT' };

let session: Promise<ort.InferenceSession> | undefined;

function loadSession(): Promise<ort.InferenceSession> {
  ort.env.wasm.wasmPaths = { mjs: ortMjsUrl, wasm: ortWasmUrl };
  // Threads need SharedArrayBuffer (COOP/COEP), and on 2 cores they gained nothing.
  ort.env.wasm.numThreads = 1;
  session ??= ort.InferenceSession.create(sileroUrl, { executionProviders: ['wasm'] });
  session.catch(() => (session = undefined));
  return session;
}

/** Runs Silero VAD over a stream of 16 kHz mono chunks, one probability per 32 ms frame. */
export class SileroVad {
  private state: ort.Tensor = new ort.Tensor('float32', new Float32Array(2 * 128), [2, 1, 128]);
  private readonly rate = new ort.Tensor('int64', BigInt64Array.from([16000n]), []);
  private context = new Float32Array(CONTEXT_SAMPLES);
  private pending = new Float32Array(0);
  readonly probabilities: number[] = [];

  private constructor(private readonly model: ort.InferenceSession) {}

  static async create(): Promise<SileroVad> {
    return new SileroVad(await loadSession());
  }

  private async runFrame(frame: Float32Array): Promise<void> {
    const input = new Float32Array(CONTEXT_SAMPLES + frame.length);
    input.set(this.context);
    input.set(frame, CONTEXT_SAMPLES);
    this.context = frame.slice(-CONTEXT_SAMPLES);
    const out = await this.model.run({
      input: new ort.Tensor('float32', input, [1, input.length]),
      state: this.state,
      sr: this.rate,
    });
    const next = out.stateN;
    const probability = out.output?.data[0];
    if (!next || typeof probability !== 'number') throw new Error('Silero VAD returned no output');
    this.state = next;
    this.probabilities.push(probability);
  }

  /** Feeds 16 kHz samples; complete frames are scored, the remainder waits for the next chunk. */
  async push(samples: Float32Array): Promise<void> {
    const joined = new Float32Array(this.pending.length + samples.length);
    joined.set(this.pending);
    joined.set(samples, this.pending.length);
    let at = 0;
    for (; at + VAD_FRAME_SAMPLES <= joined.length; at += VAD_FRAME_SAMPLES) {
      await this.runFrame(joined.subarray(at, at + VAD_FRAME_SAMPLES));
    }
    this.pending = joined.slice(at);
  }
}
