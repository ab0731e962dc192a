// The speakers stage's two models at their real dimensions with random weights, written as ONNX
// graphs of the same layers (scripts/lib/onnx-writer.mjs), for `npm run bench -- --real-size`:
// what inference really costs, never what it finds.
// - pyannote segmentation-3.0 (PyanNet, 1.47 M parameters): SincNet's three convolutions with
//   pooling and instance norm, four bidirectional LSTM layers of 128, two linear layers of 128,
//   7 powerset classes; 589 frames per 10 s window, like the real one.
// - WeSpeaker ResNet34 (6.6 M parameters): 32→256 channels in 3/4/6/3 basic blocks over the 80
//   fbank bands, statistics pooling (mean and deviation over time), a 256-wide embedding.
import { floatTensor, int64Tensor, node, onnxModel } from './onnx-writer.mjs';

/** A seeded generator of weights (mulberry32), scaled like a fan-in initialisation. */
function weights(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (count, fanIn) => {
    const scale = Math.sqrt(3 / Math.max(1, fanIn));
    return Array.from({ length: count }, () => (next() * 2 - 1) * scale);
  };
}

/** pyannote segmentation-3.0 at its real size: input_values [B,1,N] → logits [B,F,7]. */
export function realSizeSegmentation() {
  const random = weights(1);
  const inits = [];
  const nodes = [];
  const tensor = (name, dims, fanIn) => {
    inits.push(
      floatTensor(
        name,
        dims,
        random(
          dims.reduce((a, b) => a * b, 1),
          fanIn,
        ),
      ),
    );
    return name;
  };
  const zeros = (name, dims) => {
    inits.push(floatTensor(name, dims, new Array(dims.reduce((a, b) => a * b, 1)).fill(0)));
    return name;
  };
  const ones = (name, n) => {
    inits.push(floatTensor(name, [n], new Array(n).fill(1)));
    return name;
  };
  // SincNet: a 251-tap filter bank (80) every 10 samples, then two convolutions of 60.
  const convs = [
    { out: 80, in: 1, k: 251, stride: 10, abs: true },
    { out: 60, in: 80, k: 5, stride: 1 },
    { out: 60, in: 60, k: 5, stride: 1 },
  ];
  let x = 'input_values';
  convs.forEach((c, i) => {
    const w = tensor(`conv${i}.w`, [c.out, c.in, c.k], c.in * c.k);
    const b = zeros(`conv${i}.b`, [c.out]);
    nodes.push(node('Conv', [x, w, b], [`conv${i}`], { strides: [c.stride] }));
    x = `conv${i}`;
    if (c.abs) {
      nodes.push(node('Abs', [x], [`abs${i}`]));
      x = `abs${i}`;
    }
    nodes.push(node('MaxPool', [x], [`pool${i}`], { kernel_shape: [3], strides: [3] }));
    const scale = ones(`norm${i}.scale`, c.out);
    const bias = zeros(`norm${i}.bias`, [c.out]);
    nodes.push(node('InstanceNormalization', [`pool${i}`, scale, bias], [`norm${i}`]));
    nodes.push(node('LeakyRelu', [`norm${i}`], [`act${i}`], { alpha: 0.01 }));
    x = `act${i}`;
  });
  // [B, 60, F] → [F, B, 60] for the LSTMs.
  nodes.push(node('Transpose', [x], ['seq'], { perm: [2, 0, 1] }));
  x = 'seq';
  const hidden = 128;
  inits.push(int64Tensor('merge_directions', [3], [0, 0, -1]));
  for (let layer = 0; layer < 4; layer++) {
    const input = layer === 0 ? 60 : 2 * hidden;
    const W = tensor(`lstm${layer}.W`, [2, 4 * hidden, input], input);
    const R = tensor(`lstm${layer}.R`, [2, 4 * hidden, hidden], hidden);
    const B = zeros(`lstm${layer}.B`, [2, 8 * hidden]);
    nodes.push(
      node('LSTM', [x, W, R, B], [`lstm${layer}`], {
        hidden_size: hidden,
        direction: 'bidirectional',
      }),
    );
    // Y [F, 2, B, 128] → [F, B, 2, 128] → [F, B, 256].
    nodes.push(node('Transpose', [`lstm${layer}`], [`lstm${layer}.t`], { perm: [0, 2, 1, 3] }));
    nodes.push(node('Reshape', [`lstm${layer}.t`, 'merge_directions'], [`lstm${layer}.y`]));
    x = `lstm${layer}.y`;
  }
  nodes.push(node('Transpose', [x], ['frames'], { perm: [1, 0, 2] }));
  x = 'frames';
  [
    [2 * hidden, 128],
    [128, 128],
    [128, 7],
  ].forEach(([from, to], i) => {
    const w = tensor(`linear${i}.w`, [from, to], from);
    const b = zeros(`linear${i}.b`, [to]);
    nodes.push(node('MatMul', [x, w], [`linear${i}.m`]));
    nodes.push(node('Add', [`linear${i}.m`, b], [`linear${i}`]));
    x = `linear${i}`;
    if (i < 2) {
      nodes.push(node('LeakyRelu', [x], [`linear${i}.act`], { alpha: 0.01 }));
      x = `linear${i}.act`;
    }
  });
  nodes.push(node('LogSoftmax', [x], ['logits'], { axis: -1 }));
  return onnxModel({
    name: 'pyannote-segmentation-3.0-fullsize-random',
    inputs: [{ name: 'input_values', dims: ['batch', 1, 'samples'] }],
    outputs: [{ name: 'logits', dims: ['batch', 'frames', 7] }],
    nodes,
    initializers: inits,
  });
}

/** WeSpeaker ResNet34 at its real size: input_features [B,T,80] → embeddings [B,256]. */
export function realSizeSpeakerEmbedder() {
  const random = weights(2);
  const inits = [];
  const nodes = [];
  let count = 0;
  const conv = (input, from, to, kernel, stride, relu) => {
    const id = `c${count++}`;
    inits.push(
      floatTensor(
        `${id}.w`,
        [to, from, kernel, kernel],
        random(to * from * kernel * kernel, from * kernel * kernel),
      ),
    );
    inits.push(floatTensor(`${id}.b`, [to], new Array(to).fill(0)));
    const pad = (kernel - 1) / 2;
    nodes.push(
      node('Conv', [input, `${id}.w`, `${id}.b`], [id], {
        kernel_shape: [kernel, kernel],
        strides: [stride, stride],
        pads: [pad, pad, pad, pad],
      }),
    );
    if (!relu) return id;
    nodes.push(node('Relu', [id], [`${id}.r`]));
    return `${id}.r`;
  };
  // [B, T, 80] → [B, 1, 80, T].
  nodes.push(node('Transpose', ['input_features'], ['bands_time'], { perm: [0, 2, 1] }));
  inits.push(int64Tensor('one_channel', [1], [1]));
  nodes.push(node('Unsqueeze', ['bands_time', 'one_channel'], ['image']));
  let x = conv('image', 1, 32, 3, 1, true);
  let channels = 32;
  [
    [32, 3, 1],
    [64, 4, 2],
    [128, 6, 2],
    [256, 3, 2],
  ].forEach(([width, blocks, stride]) => {
    for (let b = 0; b < blocks; b++) {
      const s = b === 0 ? stride : 1;
      const y = conv(conv(x, channels, width, 3, s, true), width, width, 3, 1, false);
      const shortcut = s !== 1 || channels !== width ? conv(x, channels, width, 1, s, false) : x;
      const sum = `add${count++}`;
      nodes.push(node('Add', [y, shortcut], [sum]));
      nodes.push(node('Relu', [sum], [`${sum}.r`]));
      x = `${sum}.r`;
      channels = width;
    }
  });
  // [B, 256, 10, T/8] → [B, 2560, T/8]: statistics over time.
  inits.push(int64Tensor('flatten_bands', [3], [0, 2560, -1]));
  inits.push(floatTensor('eps', [], [1e-5]));
  nodes.push(node('Reshape', [x, 'flatten_bands'], ['series']));
  nodes.push(node('ReduceMean', ['series'], ['mean'], { axes: [2], keepdims: 0 }));
  nodes.push(node('ReduceMean', ['series'], ['mean_keep'], { axes: [2], keepdims: 1 }));
  nodes.push(node('Sub', ['series', 'mean_keep'], ['centred']));
  nodes.push(node('Mul', ['centred', 'centred'], ['squared']));
  nodes.push(node('ReduceMean', ['squared'], ['variance'], { axes: [2], keepdims: 0 }));
  nodes.push(node('Add', ['variance', 'eps'], ['variance_eps']));
  nodes.push(node('Sqrt', ['variance_eps'], ['deviation']));
  nodes.push(node('Concat', ['mean', 'deviation'], ['stats'], { axis: 1 }));
  inits.push(floatTensor('embed.w', [5120, 256], random(5120 * 256, 5120)));
  inits.push(floatTensor('embed.b', [256], new Array(256).fill(0)));
  nodes.push(node('MatMul', ['stats', 'embed.w'], ['embed.m']));
  nodes.push(node('Add', ['embed.m', 'embed.b'], ['embeddings']));
  return onnxModel({
    name: 'wespeaker-voxceleb-resnet34-LM-fullsize-random',
    inputs: [{ name: 'input_features', dims: ['batch', 'frames', 80] }],
    outputs: [{ name: 'embeddings', dims: ['batch', 256] }],
    nodes,
    initializers: inits,
  });
}
