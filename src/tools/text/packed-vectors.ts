import type { QuantizedVector } from '../../shared/vector-codec';

/**
 * The stored sentence vectors of a set of passages packed into flat arrays: one int8 block and a
 * scale per passage, plus each vector's sign bits (dims / 32 words) for a coarse scan. Passages
 * without a vector, or with one of other dimensions than the first, have no model (-1).
 */
export interface PackedVectors {
  dims: number;
  /** Index into `models` of each passage's vector's model, -1 without a usable vector. */
  modelOf: Int16Array;
  models: string[];
  values: Int8Array;
  scales: Float32Array;
  signs: Uint32Array;
}

const wordsFor = (dims: number) => Math.ceil(dims / 32);

/** The sign bits of a vector: bit i set where component i is positive. */
export function signBits(values: ArrayLike<number>, into: Uint32Array, at = 0): void {
  for (let i = 0; i < values.length; i++)
    if ((values[i] ?? 0) > 0) into[at + (i >>> 5)] = (into[at + (i >>> 5)] ?? 0) | (1 << (i & 31));
}

/** Packs one vector (with its model) or none per passage. */
export function packVectors(
  vectors: ({ vector: QuantizedVector; model: string } | null)[],
): PackedVectors | null {
  const first = vectors.find((entry) => entry !== null);
  if (!first) return null;
  const dims = first.vector.values.length;
  const words = wordsFor(dims);
  const packed: PackedVectors = {
    dims,
    modelOf: new Int16Array(vectors.length).fill(-1),
    models: [],
    values: new Int8Array(vectors.length * dims),
    scales: new Float32Array(vectors.length),
    signs: new Uint32Array(vectors.length * words),
  };
  vectors.forEach((entry, doc) => {
    if (!entry || entry.vector.values.length !== dims) return;
    let model = packed.models.indexOf(entry.model);
    if (model < 0) model = packed.models.push(entry.model) - 1;
    packed.modelOf[doc] = model;
    packed.values.set(entry.vector.values, doc * dims);
    packed.scales[doc] = entry.vector.scale;
    signBits(entry.vector.values, packed.signs, doc * words);
  });
  return packed;
}

export function packedBytes(packed: PackedVectors | null): number {
  if (!packed) return 0;
  return (
    packed.modelOf.byteLength +
    packed.values.byteLength +
    packed.scales.byteLength +
    packed.signs.byteLength
  );
}

/** Cosine of a unit query with passage `doc`'s stored vector (0 if negative). */
export function cosineAt(packed: PackedVectors, doc: number, query: Float32Array): number {
  const { dims, values } = packed;
  let sum = 0;
  for (let i = 0, at = doc * dims; i < dims; i++, at++) sum += (query[i] ?? 0) * (values[at] ?? 0);
  return Math.max(0, sum * (packed.scales[doc] ?? 0));
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * How many signs passage `doc`'s vector and the query's differ in. Their share estimates the angle
 * between the two (random-hyperplane hashing): cos(π · differing / dims) estimates the cosine at
 * a tenth of the exact scan's work, well enough to pick candidates for the exact score.
 */
export function differingSigns(
  packed: PackedVectors,
  doc: number,
  querySigns: Uint32Array,
): number {
  const { signs } = packed;
  const words = querySigns.length;
  let differing = 0;
  for (let w = 0, at = doc * words; w < words; w++, at++)
    differing += popcount((signs[at] as number) ^ (querySigns[w] as number));
  return differing;
}

/** The query's sign bits, for `differingSigns`. */
export function querySigns(query: Float32Array): Uint32Array {
  const signs = new Uint32Array(wordsFor(query.length));
  signBits(query, signs);
  return signs;
}
