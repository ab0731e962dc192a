/**
 * Embeddings stored compactly: int8 values plus one float scale per vector (4× smaller than
 * Float32Array). For the unit-length vectors our embedders produce, the dot product of two decoded
 * vectors is their cosine similarity to about two decimals, which is all ranking needs.
 */
export interface QuantizedVector {
  values: Int8Array;
  /** value × scale = the original component. */
  scale: number;
}

/** Scales `vector` to unit length (a zero vector stays zero). */
export function normalize(vector: Float32Array): Float32Array {
  let sum = 0;
  for (const v of vector) sum += v * v;
  const norm = Math.sqrt(sum);
  return norm > 0 ? vector.map((v) => v / norm) : vector.slice();
}

/** Symmetric int8 quantization: the largest |component| maps to ±127. */
export function quantize(vector: Float32Array): QuantizedVector {
  let max = 0;
  for (const v of vector) max = Math.max(max, Math.abs(v));
  const scale = max > 0 ? max / 127 : 1;
  const values = new Int8Array(vector.length);
  vector.forEach((v, i) => (values[i] = Math.round(v / scale)));
  return { values, scale };
}

export function dequantize({ values, scale }: QuantizedVector): Float32Array {
  return Float32Array.from(values, (v) => v * scale);
}

/** Dot product of two quantized vectors (cosine similarity when both were unit length). */
export function dotQuantized(a: QuantizedVector, b: QuantizedVector): number {
  if (a.values.length !== b.values.length)
    throw new RangeError(`Vectors differ in length: ${a.values.length} vs ${b.values.length}`);
  let sum = 0;
  for (let i = 0; i < a.values.length; i++) sum += (a.values[i] ?? 0) * (b.values[i] ?? 0);
  return sum * a.scale * b.scale;
}
