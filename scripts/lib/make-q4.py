# `python3 make-q4.py in.onnx out_q4.onnx`: the q4 format of a model for `npm run bench --
# --formats` — every MatMul with a constant 2-D weight becomes MatMulNBits (4-bit weights in
# blocks of 32, one scale per block, symmetric), the operator transformers.js's q4 files use.
# Needs Debian's python3-onnx (numpy comes with it).
import sys, numpy as np, onnx
from onnx import numpy_helper, helper
src, dst = sys.argv[1], sys.argv[2]
BLOCK = 32
m = onnx.load(src, load_external_data=True)
g = m.graph
inits = {i.name: i for i in g.initializer}
new_nodes, drop = [], set()
for node in g.node:
    if node.op_type == 'MatMul' and node.input[1] in inits:
        w = numpy_helper.to_array(inits[node.input[1]]).astype(np.float32)
        if w.ndim == 2 and w.shape[0] % BLOCK == 0:
            K, N = w.shape
            wt = w.T.reshape(N, K // BLOCK, BLOCK)
            amax = np.abs(wt).max(axis=2, keepdims=True)
            scale = np.where(amax > 0, amax / 7.0, 1.0).astype(np.float32)
            q = np.clip(np.round(wt / scale) + 8, 0, 15).astype(np.uint8)
            packed = (q[..., 0::2] | (q[..., 1::2] << 4)).astype(np.uint8)
            base = node.input[1]
            g.initializer.extend([
                numpy_helper.from_array(packed, base + '_q4'),
                numpy_helper.from_array(scale.reshape(-1), base + '_q4_scales'),
            ])
            drop.add(base)
            new_nodes.append(helper.make_node('MatMulNBits', [node.input[0], base + '_q4', base + '_q4_scales'],
                list(node.output), name=node.name + '_q4', domain='com.microsoft', K=K, N=N, bits=4, block_size=BLOCK))
            continue
    new_nodes.append(node)
used = {i for n in new_nodes for i in n.input}
keep = [i for i in g.initializer if i.name not in drop or i.name in used]
del g.node[:]; g.node.extend(new_nodes)
del g.initializer[:]; g.initializer.extend(keep)
if not any(o.domain == 'com.microsoft' for o in m.opset_import):
    m.opset_import.append(helper.make_opsetid('com.microsoft', 1))
onnx.save(m, dst)
print(dst, sum(1 for n in new_nodes if n.op_type == 'MatMulNBits'), 'MatMulNBits')
