/**
 * Hands onnxruntime a model's weights as external data, read straight from the downloaded file.
 *
 * onnxruntime-web copies a model's bytes into its wasm heap, parses them there (a second copy of
 * every weight) and then builds its tensors (a third): a wasm heap never shrinks, so a 154 MB
 * decoder left the captioner's worker holding about 460 MB. Given the same weights as external
 * data, onnxruntime copies each tensor from JavaScript into place once, and only the graph itself
 * (a few hundred kB) goes through the heap: the captioner's heap after loading is about half
 * what it was, with the same outputs (`npm run bench -- --real-size` prints the peaks).
 *
 * `splitWeights` rewrites the ONNX protobuf without copying any weight: each large initializer's
 * `raw_data` is replaced by an `external_data` entry pointing at where those bytes already sit in
 * the original file, which is mounted as the external data file.
 */

/** Initializers smaller than this stay inline (shapes, scales, zero points): not worth an entry. */
const MIN_EXTERNAL_BYTES = 64 * 1024;

/** The name the original file is mounted under; only the rewritten graph refers to it. */
export const WEIGHTS_PATH = 'bri-inline-weights.bin';

/** Protobuf field numbers of the ONNX messages walked (onnx/onnx.proto3). */
const MODEL_GRAPH = 7;
const GRAPH_INITIALIZER = 5;
const TENSOR_RAW_DATA = 9;
const TENSOR_EXTERNAL_DATA = 13;
const TENSOR_DATA_LOCATION = 14;
const DATA_LOCATION_EXTERNAL = 1;

const VARINT = 0;
const FIXED64 = 1;
const LENGTH_DELIMITED = 2;
const FIXED32 = 5;

/** The bytes are not a protobuf this reader understands (not an ONNX model, or damaged). */
export class NotAnOnnxModelError extends Error {
  override name = 'NotAnOnnxModelError';
}

/** One field of a message: where its encoded key starts, and its payload's extent. */
interface Field {
  number: number;
  wireType: number;
  /** Offset of the field's key: `bytes.subarray(start, end)` is the whole field. */
  start: number;
  /** Offset of a length-delimited field's payload (after its length). */
  payload: number;
  end: number;
}

function readVarint(bytes: Uint8Array, at: number): { value: number; next: number } {
  let value = 0;
  let scale = 1;
  for (let i = at; i < bytes.length && i < at + 10; i++) {
    const byte = bytes[i] ?? 0;
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return { value, next: i + 1 };
    scale *= 128;
  }
  throw new NotAnOnnxModelError(`a varint at byte ${at} runs past its end`);
}

/** The fields of the message at `bytes[start, end)`, in order; payloads are not decoded. */
function fieldsOf(bytes: Uint8Array, start: number, end: number): Field[] {
  const fields: Field[] = [];
  let at = start;
  while (at < end) {
    const key = readVarint(bytes, at);
    const wireType = key.value % 8;
    const number = Math.floor(key.value / 8);
    let payload = key.next;
    let next: number;
    switch (wireType) {
      case VARINT:
        next = readVarint(bytes, key.next).next;
        break;
      case FIXED64:
        next = key.next + 8;
        break;
      case FIXED32:
        next = key.next + 4;
        break;
      case LENGTH_DELIMITED: {
        const length = readVarint(bytes, key.next);
        payload = length.next;
        next = length.next + length.value;
        break;
      }
      default:
        throw new NotAnOnnxModelError(`wire type ${wireType} at byte ${at}`);
    }
    if (number === 0 || next > end)
      throw new NotAnOnnxModelError(`a field at byte ${at} is cut off`);
    fields.push({ number, wireType, start: at, payload, end: next });
    at = next;
  }
  return fields;
}

function varint(value: number): number[] {
  const out: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 128) | 0x80);
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
  return out;
}

/** A message being rebuilt: pieces of the original and new bytes, in order. */
type Pieces = Uint8Array[];

function byteLength(pieces: Pieces): number {
  return pieces.reduce((sum, piece) => sum + piece.length, 0);
}

function lengthDelimited(number: number, pieces: Pieces): Pieces {
  const head = Uint8Array.from([
    ...varint(number * 8 + LENGTH_DELIMITED),
    ...varint(byteLength(pieces)),
  ]);
  return [head, ...pieces];
}

function stringField(number: number, text: string): Pieces {
  return lengthDelimited(number, [new TextEncoder().encode(text)]);
}

/** One `StringStringEntryProto` of a tensor's `external_data`. */
function entry(key: string, value: string): Pieces {
  return lengthDelimited(TENSOR_EXTERNAL_DATA, [...stringField(1, key), ...stringField(2, value)]);
}

/**
 * The fields of the message at `bytes[start, end)` with `rewrite` applied: a field it returns
 * null for is copied as it is. Returns null when nothing changed.
 */
function rewriteFields(
  bytes: Uint8Array,
  start: number,
  end: number,
  rewrite: (field: Field) => Pieces | null,
): Pieces | null {
  const pieces: Pieces = [];
  let changed = false;
  for (const f of fieldsOf(bytes, start, end)) {
    const replaced = rewrite(f);
    if (replaced) changed = true;
    pieces.push(...(replaced ?? [bytes.subarray(f.start, f.end)]));
  }
  return changed ? pieces : null;
}

/** A TensorProto whose large `raw_data` now points into the mounted original file. */
function externalTensor(bytes: Uint8Array, tensor: Field, minBytes: number): Pieces | null {
  const inner = fieldsOf(bytes, tensor.payload, tensor.end);
  if (inner.some((f) => f.number === TENSOR_DATA_LOCATION || f.number === TENSOR_EXTERNAL_DATA))
    return null; // Already external (or a layout we leave alone).
  const raw = inner.find((f) => f.number === TENSOR_RAW_DATA && f.wireType === LENGTH_DELIMITED);
  if (!raw || raw.end - raw.payload < minBytes) return null;
  const pieces: Pieces = inner.filter((f) => f !== raw).map((f) => bytes.subarray(f.start, f.end));
  pieces.push(
    ...entry('location', WEIGHTS_PATH),
    ...entry('offset', String(raw.payload)),
    ...entry('length', String(raw.end - raw.payload)),
    Uint8Array.from([...varint(TENSOR_DATA_LOCATION * 8 + VARINT), DATA_LOCATION_EXTERNAL]),
  );
  return lengthDelimited(tensor.number, pieces);
}

/**
 * The main graph with its large initializers external. Subgraphs (the branches of an If, a
 * Loop's body) keep theirs inline: onnxruntime-web (1.31) looks a subgraph's external data up on a
 * file system it doesn't have ("external data path could not be canonicalized"). Merged
 * decoders keep their weights in the main graph, which both branches share.
 */
function rewriteGraph(bytes: Uint8Array, graph: Field, minBytes: number): Pieces | null {
  const body = rewriteFields(bytes, graph.payload, graph.end, (f) =>
    f.number === GRAPH_INITIALIZER && f.wireType === LENGTH_DELIMITED
      ? externalTensor(bytes, f, minBytes)
      : null,
  );
  return body && lengthDelimited(graph.number, body);
}

function concat(pieces: Pieces): Uint8Array {
  const out = new Uint8Array(byteLength(pieces));
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

/**
 * The model with every main-graph initializer of `minBytes` or more made external, pointing into
 * `model` itself (mounted as WEIGHTS_PATH); null when none is that large. Throws
 * NotAnOnnxModelError where the bytes are not a protobuf.
 */
export function splitWeights(model: Uint8Array, minBytes = MIN_EXTERNAL_BYTES): Uint8Array | null {
  const pieces = rewriteFields(model, 0, model.length, (f) =>
    f.number === MODEL_GRAPH && f.wireType === LENGTH_DELIMITED
      ? rewriteGraph(model, f, minBytes)
      : null,
  );
  return pieces && concat(pieces);
}
