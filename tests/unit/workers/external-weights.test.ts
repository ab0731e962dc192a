// @vitest-environment node
import * as ort from 'onnxruntime-web';
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  NotAnOnnxModelError,
  WEIGHTS_PATH,
  splitWeights,
} from '../../../workers/lib/models/external-weights';
import { MODELS_DIR } from '../../paths';

// onnxruntime-web's own wasm, in Node: the same build that loads the split graphs in the app.
beforeAll(() => {
  ort.env.wasm.numThreads = 1;
});

function sessionOf(model: Uint8Array): Promise<ort.InferenceSession> {
  return ort.InferenceSession.create(model);
}

function splitSessionOf(model: Uint8Array, minBytes?: number): Promise<ort.InferenceSession> {
  const graph = splitWeights(model, minBytes);
  if (!graph) throw new Error('nothing was split');
  return ort.InferenceSession.create(graph, {
    externalData: [{ path: WEIGHTS_PATH, data: model }],
  });
}

/** Protobuf encoding, enough to write a small ONNX model by hand. */
const pb = {
  varint(value: number): number[] {
    const out: number[] = [];
    for (; value >= 0x80; value = Math.floor(value / 128)) out.push((value % 128) | 0x80);
    return [...out, value];
  },
  int(field: number, value: number): number[] {
    return [...pb.varint(field * 8), ...pb.varint(value)];
  },
  bytes(field: number, payload: ArrayLike<number>): number[] {
    return [...pb.varint(field * 8 + 2), ...pb.varint(payload.length), ...Array.from(payload)];
  },
  text(field: number, value: string): number[] {
    return pb.bytes(field, new TextEncoder().encode(value));
  },
};

function floatTensor(name: string, values: number[]): number[] {
  const raw = new Uint8Array(new Float32Array(values).buffer);
  return [...pb.int(1, values.length), ...pb.int(2, 1), ...pb.text(8, name), ...pb.bytes(9, raw)];
}

function valueInfo(name: string, elemType: number, dims: number[]): number[] {
  const shape = dims.flatMap((d) => pb.bytes(1, pb.int(1, d)));
  const tensorType = [...pb.int(1, elemType), ...pb.bytes(2, shape)];
  return [...pb.text(1, name), ...pb.bytes(2, pb.bytes(1, tensorType))];
}

function node(op: string, inputs: string[], outputs: string[], attributes: number[][] = []) {
  return [
    ...inputs.flatMap((name) => pb.text(1, name)),
    ...outputs.flatMap((name) => pb.text(2, name)),
    ...pb.text(4, op),
    ...attributes.flatMap((a) => pb.bytes(5, a)),
  ];
}

/** A branch of an If: its own initializer, passed out through an Identity. */
function branch(name: string, values: number[]): number[] {
  return [
    ...pb.bytes(1, node('Identity', [`${name}_w`], [`${name}_out`])),
    ...pb.text(2, name),
    ...pb.bytes(5, floatTensor(`${name}_w`, values)),
    ...pb.bytes(12, valueInfo(`${name}_out`, 1, [values.length])),
  ];
}

/** z = If(cond, then: [1, 2, …], else: [-1, -2, …]) + [100, 100, …]: weights in both subgraphs. */
function ifModel(size: number): Uint8Array {
  const ramp = Array.from({ length: size }, (_, i) => i + 1);
  const graphAttribute = (name: string, graph: number[]) => [
    ...pb.text(1, name),
    ...pb.bytes(6, graph),
    ...pb.int(20, 5), // AttributeProto.GRAPH
  ];
  const graph = [
    ...pb.bytes(
      1,
      node(
        'If',
        ['cond'],
        ['y'],
        [
          graphAttribute('then_branch', branch('then', ramp)),
          graphAttribute(
            'else_branch',
            branch(
              'else',
              ramp.map((v) => -v),
            ),
          ),
        ],
      ),
    ),
    ...pb.bytes(1, node('Add', ['y', 'offset'], ['z'])),
    ...pb.text(2, 'if-model'),
    ...pb.bytes(5, floatTensor('offset', new Array<number>(size).fill(100))),
    ...pb.bytes(11, valueInfo('cond', 9, [])),
    ...pb.bytes(12, valueInfo('z', 1, [size])),
  ];
  return Uint8Array.from([
    ...pb.int(1, 8), // ir_version
    ...pb.bytes(8, pb.int(2, 17)), // opset_import: the default domain, opset 17
    ...pb.bytes(7, graph),
  ]);
}

describe('splitWeights', () => {
  it('moves the main graph’s weights out, keeps its If branches’ inline, and computes the same', async () => {
    const model = ifModel(512); // Three initializers of 2 KB: one in the graph, one per branch.
    const graph = splitWeights(model, 1024);
    // The main graph's 2 KB are gone; both branches keep theirs (onnxruntime-web can't load a
    // subgraph's external data: with them moved, the session below fails to create).
    expect(graph?.length).toBeLessThan(model.length - 1900);
    expect(graph?.length).toBeGreaterThan(4096);
    const plain = await sessionOf(model);
    const split = await splitSessionOf(model, 1024);
    for (const cond of [true, false]) {
      const feeds = { cond: new ort.Tensor('bool', [cond], []) };
      const expected = (await plain.run(feeds)).z?.data as Float32Array;
      const got = (await split.run(feeds)).z?.data as Float32Array;
      expect(Array.from(got)).toEqual(Array.from(expected));
      expect(got[9]).toBe(cond ? 110 : 90);
    }
  });

  it('leaves weights under the size limit inline', () => {
    expect(splitWeights(ifModel(512), 4096)).toBeNull();
  });

  it('gives the real YOLOX-Nano detector the same outputs', async () => {
    const model = new Uint8Array(await readFile(`${MODELS_DIR}/yolox-nano/yolox_nano.onnx`));
    const graph = splitWeights(model);
    expect(graph?.length).toBeLessThan(model.length / 2);
    const input = new Float32Array(3 * 416 * 416).map((_, i) => ((i * 7919) % 255) / 255);
    const feeds = { images: new ort.Tensor('float32', input, [1, 3, 416, 416]) };
    const [plain, split] = await Promise.all([sessionOf(model), splitSessionOf(model)]);
    const name = plain.outputNames[0] ?? '';
    const expected = (await plain.run(feeds))[name]?.data as Float32Array;
    const got = (await split.run(feeds))[name]?.data as Float32Array;
    expect(got).toHaveLength(expected.length);
    expect(Array.from(got)).toEqual(Array.from(expected));
  });

  it('gives the q8 captioner decoder (merged, with its If) the same logits', async () => {
    const path = `${MODELS_DIR}/test/vit-gpt2-image-captioning-random/onnx/decoder_model_merged_quantized.onnx`;
    const model = new Uint8Array(await readFile(path));
    const [plain, split] = await Promise.all([sessionOf(model), splitSessionOf(model)]);
    const feeds: Record<string, ort.Tensor> = {};
    for (const name of plain.inputNames) {
      if (name === 'input_ids') feeds[name] = new ort.Tensor('int64', [50256n, 318n], [1, 2]);
      else if (name === 'use_cache_branch') feeds[name] = new ort.Tensor('bool', [false], [1]);
      else if (name === 'encoder_hidden_states')
        feeds[name] = new ort.Tensor('float32', new Float32Array(4 * 32).fill(0.5), [1, 4, 32]);
      else feeds[name] = new ort.Tensor('float32', new Float32Array(0), [1, 2, 0, 16]);
    }
    const expected = (await plain.run(feeds)).logits?.data as Float32Array;
    const got = (await split.run(feeds)).logits?.data as Float32Array;
    expect(expected.length).toBeGreaterThan(0);
    expect(Array.from(got)).toEqual(Array.from(expected));
  });

  it('refuses bytes that are not a protobuf', () => {
    expect(() => splitWeights(new TextEncoder().encode('<!doctype html><p>Not found'))).toThrow(
      NotAnOnnxModelError,
    );
  });
});
