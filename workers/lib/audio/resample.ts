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

/**
 * Streaming resampler to 16 kHz: a moving-average low-pass sized to the ratio (so content above
 * the new Nyquist doesn't alias into speech), then linear interpolation. Chunks can be any size;
 * the output is continuous across them.
 */
export class StreamingResampler {
  private readonly ratio: number;
  private readonly taps: number;
  private rawTail: Float32Array;
  private filtered = new Float32Array(0);
  private position = 0;

  constructor(inputRate: number) {
    this.ratio = inputRate / TARGET_RATE;
    this.taps = Math.max(1, Math.round(this.ratio));
    this.rawTail = new Float32Array(this.taps - 1);
  }

  private lowPass(input: Float32Array): Float32Array {
    if (this.taps === 1) return input;
    const joined = new Float32Array(this.rawTail.length + input.length);
    joined.set(this.rawTail);
    joined.set(input, this.rawTail.length);
    const out = new Float32Array(input.length);
    let sum = 0;
    for (let i = 0; i < this.taps - 1; i++) sum += joined[i] ?? 0;
    for (let i = 0; i < input.length; i++) {
      sum += joined[i + this.taps - 1] ?? 0;
      out[i] = sum / this.taps;
      sum -= joined[i] ?? 0;
    }
    this.rawTail = joined.slice(joined.length - (this.taps - 1));
    return out;
  }

  /** Feeds input samples; returns the 16 kHz samples they complete. */
  push(input: Float32Array): Float32Array {
    const fresh = this.lowPass(input);
    const buffer = new Float32Array(this.filtered.length + fresh.length);
    buffer.set(this.filtered);
    buffer.set(fresh, this.filtered.length);
    const count = Math.max(0, Math.ceil((buffer.length - 1 - this.position) / this.ratio));
    const out = new Float32Array(count);
    for (let i = 0; i < count; i++) {
      const at = this.position + i * this.ratio;
      const index = Math.floor(at);
      const fraction = at - index;
      out[i] = (buffer[index] ?? 0) * (1 - fraction) + (buffer[index + 1] ?? 0) * fraction;
    }
    const next = this.position + count * this.ratio;
    // The next position can lie past this buffer's end (samples not received yet): keep the overshoot.
    const consumed = Math.min(Math.floor(next), buffer.length);
    this.filtered = buffer.slice(consumed);
    this.position = next - consumed;
    return out;
  }
}
