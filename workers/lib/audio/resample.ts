/** Whisper and Silero VAD both expect 16 kHz mono. */
export const TARGET_RATE = 16_000;

/** Averages planar channels into one. */
export function downmix(planes: Float32Array[]): Float32Array {
  const first = planes[0];
  if (!first) return new Float32Array(0);
  if (planes.length === 1) return first;
  const mono = new Float32Array(first.length);
  for (const plane of planes)
    for (let i = 0; i < mono.length; i++) mono[i] = (mono[i] ?? 0) + (plane[i] ?? 0);
  for (let i = 0; i < mono.length; i++) mono[i] = (mono[i] ?? 0) / planes.length;
  return mono;
}

/** Fractional positions between input samples the kernel is tabulated at (≈ −70 dB of jitter). */
const PHASES = 256;
/** The low-pass passes up to 47 % of the lower rate (7.5 kHz for 16 kHz output)… */
const CUTOFF = 0.47;
/**
 * …and falls over ± 10 % of it (5.9–9.1 kHz): past that, a Blackman window is ≥ 70 dB down. What
 * folds from 8–9.1 kHz lands above 6.9 kHz, at the top of Whisper's band, already attenuated; a
 * narrower fall would cost taps (84 per output at 48 kHz) in the hot loop of audio decoding.
 */
const HALF_TRANSITION = 0.1;

/** The Blackman window on [−1, 1]. */
function blackman(x: number): number {
  return 0.42 + 0.5 * Math.cos(Math.PI * x) + 0.08 * Math.cos(2 * Math.PI * x);
}

/**
 * Windowed-sinc kernel taps for each phase: taps[phase][k] weighs input sample
 * `floor(p) − half + 1 + k` for an output at input position p = floor(p) + phase / PHASES.
 * Each phase is normalised to unity gain at DC.
 */
function kernelTable(inputRate: number): { half: number; taps: Float32Array[] } {
  const lower = Math.min(inputRate, TARGET_RATE);
  const cutoff = (CUTOFF * lower) / inputRate; // cycles per input sample
  // A Blackman window's main lobe is about 5.5 / length wide (cycles per sample).
  const half = Math.ceil((5.5 * inputRate) / (4 * HALF_TRANSITION * lower));
  const taps = Array.from({ length: PHASES }, (_, phase) => {
    const fraction = phase / PHASES;
    const row = new Float32Array(2 * half);
    let sum = 0;
    for (let k = 0; k < row.length; k++) {
      const d = k - half + 1 - fraction; // distance from the output position, input samples
      const x = 2 * cutoff * d;
      const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
      const w = Math.abs(d) >= half ? 0 : blackman(d / half);
      row[k] = 2 * cutoff * sinc * w;
      sum += row[k] ?? 0;
    }
    for (let k = 0; k < row.length; k++) row[k] = (row[k] ?? 0) / sum;
    return row;
  });
  return { half, taps };
}

/**
 * Streaming resampler to 16 kHz: a windowed-sinc low-pass (Blackman; flat to 5.9 kHz, ≥ 70 dB
 * down from 9.1 kHz) evaluated at each output position, so what lies above the new Nyquist does
 * not fold into Whisper's band. Chunks can be any size and the output is continuous across them;
 * `finish()` returns the last few samples once the input has ended.
 */
export class StreamingResampler {
  private readonly ratio: number;
  private readonly half: number;
  private readonly taps: Float32Array[];
  /** Input not yet fully used, preceded by the samples the next output still needs. */
  private buffer: Float32Array;
  /** Input samples (silence before the first included) dropped from the buffer's front. */
  private dropped = 0;
  /** Outputs made so far: output n lies at input sample n × ratio, computed afresh each time so
   * chunk boundaries never shift a phase. */
  private made = 0;
  /** Real input samples received. */
  private received = 0;

  constructor(inputRate: number) {
    this.ratio = inputRate / TARGET_RATE;
    ({ half: this.half, taps: this.taps } = kernelTable(inputRate));
    // Silence before the first sample, so the first output lies on it (no delay).
    this.buffer = new Float32Array(this.half - 1);
  }

  /** Where output `n` falls, in input samples from the buffer's start. */
  private positionOf(n: number): number {
    return n * this.ratio + this.half - 1 - this.dropped;
  }

  /** Feeds input samples; returns the 16 kHz samples they complete. */
  push(input: Float32Array): Float32Array {
    if (this.ratio === 1) return input;
    this.received += input.length;
    return this.run(input);
  }

  /** The outputs the last input samples still owe (their right-hand neighbours are silence). */
  finish(): Float32Array {
    if (this.ratio === 1) return new Float32Array(0);
    const owed = Math.max(0, Math.ceil(this.received / this.ratio) - this.made);
    return this.run(new Float32Array(this.half + 1)).subarray(0, owed);
  }

  private run(input: Float32Array): Float32Array {
    const buffer = new Float32Array(this.buffer.length + input.length);
    buffer.set(this.buffer);
    buffer.set(input, this.buffer.length);
    // The hot loop of audio decoding: locals only, plain typed-array reads, no allocation.
    const { half, ratio, taps } = this;
    const width = 2 * half;
    const origin = half - 1 - this.dropped;
    const out = new Float32Array(Math.ceil(buffer.length / ratio) + 1);
    let made = this.made;
    let count = 0;
    for (;;) {
      const position = made * ratio + origin;
      const index = Math.floor(position);
      if (index + half >= buffer.length) break;
      const phase = Math.min(PHASES - 1, Math.round((position - index) * PHASES));
      const row = taps[phase] as Float32Array;
      const first = index - half + 1;
      let sum = 0;
      for (let k = 0; k < width; k++) sum += (buffer[first + k] as number) * (row[k] as number);
      out[count++] = sum;
      made++;
    }
    this.made = made;
    const keep = Math.max(0, Math.floor(this.positionOf(made)) - half + 1);
    this.buffer = buffer.slice(keep);
    this.dropped += keep;
    return out.slice(0, count);
  }
}
