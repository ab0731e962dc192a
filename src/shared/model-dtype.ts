import type { ModelDtype, ModelSpec } from './model-spec';

/** Where a format needs f16 arithmetic, the nearest without it. */
const WITHOUT_F16: Partial<Record<ModelDtype, ModelDtype>> = { fp16: 'fp32', q4f16: 'q4' };

/**
 * The numeric format a model's weights run in on `device`: its spec's choice for that device
 * (models/*.ts, from `npm run bench -- --formats` on WASM), and on a WebGPU adapter without
 * `shader-f16` (software WebGPU, older GPUs) the nearest format without f16.
 */
export function dtypeOn(
  spec: Pick<ModelSpec, 'dtype'>,
  device: 'webgpu' | 'wasm',
  shaderF16: boolean,
): ModelDtype {
  const chosen = spec.dtype[device];
  return device === 'webgpu' && !shaderF16 ? (WITHOUT_F16[chosen] ?? chosen) : chosen;
}
