// A small ONNX (protobuf) writer: enough of onnx.proto to write a graph of standard operators
// with float initializers, so fixture models can be made without Python. Field numbers are
// onnx.proto's; repeated scalars are written unpacked (every protobuf reader accepts that).

const FLOAT = 1;
const INT64 = 7;

/** Protobuf wire format: varints, length-delimited fields, fixed32 floats. */
class Writer {
  parts = [];
  varint(value) {
    let v = BigInt.asUintN(64, BigInt(value));
    const bytes = [];
    do {
      let byte = Number(v & 0x7fn);
      v >>= 7n;
      if (v) byte |= 0x80;
      bytes.push(byte);
    } while (v);
    this.parts.push(Uint8Array.from(bytes));
    return this;
  }
  key(field, wire) {
    return this.varint((field << 3) | wire);
  }
  int(field, value) {
    return this.key(field, 0).varint(value);
  }
  bytes(field, data) {
    this.key(field, 2).varint(data.length);
    this.parts.push(data);
    return this;
  }
  string(field, text) {
    return this.bytes(field, new TextEncoder().encode(text));
  }
  message(field, writer) {
    return this.bytes(field, writer.finish());
  }
  float(field, value) {
    this.key(field, 5);
    const buffer = new Uint8Array(4);
    new DataView(buffer.buffer).setFloat32(0, value, true);
    this.parts.push(buffer);
    return this;
  }
  finish() {
    const out = new Uint8Array(this.parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const part of this.parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }
}

/** A float32 tensor (TensorProto) of `dims` holding `values`. */
export function floatTensor(name, dims, values) {
  const w = new Writer();
  for (const d of dims) w.int(1, d);
  w.int(2, FLOAT).string(8, name);
  const raw = new Float32Array(values);
  return w.bytes(9, new Uint8Array(raw.buffer));
}

/** An int64 tensor (for Reshape's shape and the like). */
export function int64Tensor(name, dims, values) {
  const w = new Writer();
  for (const d of dims) w.int(1, d);
  w.int(2, INT64).string(8, name);
  const raw = new BigInt64Array(values.map((v) => BigInt(v)));
  return w.bytes(9, new Uint8Array(raw.buffer));
}

function attribute(name, value) {
  const w = new Writer().string(1, name);
  if (typeof value === 'string') return w.string(4, value).int(20, 3); // STRING
  if (Array.isArray(value)) {
    for (const v of value) w.int(8, v);
    return w.int(20, 7); // INTS
  }
  if (Number.isInteger(value)) return w.int(3, value).int(20, 2); // INT
  return w.float(2, value).int(20, 1); // FLOAT
}

/**
 * One operator: `node('Conv', ['x', 'w'], ['y'], { strides: [270] })`. Integers are INT
 * attributes, other numbers FLOAT, strings STRING, arrays INTS.
 */
export function node(opType, inputs, outputs, attributes = {}) {
  const w = new Writer();
  for (const input of inputs) w.string(1, input);
  for (const output of outputs) w.string(2, output);
  w.string(3, `${opType}_${outputs[0]}`).string(4, opType);
  for (const [name, value] of Object.entries(attributes)) w.message(5, attribute(name, value));
  return w;
}

/** A float tensor input or output; a string dim is symbolic ("batch"). */
function valueInfo(name, dims) {
  const shape = new Writer();
  for (const d of dims)
    shape.message(1, typeof d === 'string' ? new Writer().string(2, d) : new Writer().int(1, d));
  const tensor = new Writer().int(1, FLOAT).message(2, shape);
  return new Writer().string(1, name).message(2, new Writer().message(1, tensor));
}

/**
 * A whole model (opset 17): `inputs` and `outputs` as `{ name, dims }`, `nodes` from `node`,
 * `initializers` from `floatTensor` / `int64Tensor`. Returns the .onnx file's bytes.
 */
export function onnxModel({ name, inputs, outputs, nodes, initializers }) {
  const graph = new Writer();
  for (const n of nodes) graph.message(1, n);
  graph.string(2, name);
  for (const t of initializers) graph.message(5, t);
  for (const i of inputs) graph.message(11, valueInfo(i.name, i.dims));
  for (const o of outputs) graph.message(12, valueInfo(o.name, o.dims));
  return new Writer()
    .int(1, 8) // IR version 8
    .string(2, 'bri-fixtures')
    .message(7, graph)
    .message(8, new Writer().string(1, '').int(2, 17))
    .finish();
}
