import type { ModelDtype, ModelSpec } from '../../src/shared/model-spec';

/** transformers.js's file-name suffix for each dtype: `onnx/<name><suffix>.onnx`. */
const ONNX_SUFFIX: Record<ModelDtype, string> = {
  fp32: '',
  fp16: '_fp16',
  q8: '_quantized',
  q4: '_q4',
  q4f16: '_q4f16',
};

/** The fallback the app uses on WebGPU adapters without shader-f16 (workers/lib/models). */
const WITHOUT_F16: Partial<Record<ModelDtype, ModelDtype>> = { fp16: 'fp32', q4f16: 'q4' };

export type FetchDevice = 'wasm' | 'webgpu';

/** Every dtype the app may ask for on the given devices, fallbacks included. */
export function dtypesFor(spec: ModelSpec, devices: readonly FetchDevice[]): ModelDtype[] {
  const wanted = new Set<ModelDtype>();
  for (const device of devices) {
    const dtype = spec.dtype[device];
    wanted.add(dtype);
    const fallback = device === 'webgpu' ? WITHOUT_F16[dtype] : undefined;
    if (fallback) wanted.add(fallback);
  }
  return [...wanted];
}

/** The dtype an `onnx/` file is, from its name (`encoder_model_q4f16.onnx` → q4f16). */
function dtypeOfOnnx(path: string): ModelDtype {
  const stem = path.replace(/^onnx\//, '').replace(/\.onnx(_data(_\d+)?)?$/, '');
  const found = (Object.entries(ONNX_SUFFIX) as [ModelDtype, string][])
    .filter(([, suffix]) => suffix && stem.endsWith(suffix))
    .sort((a, b) => b[1].length - a[1].length)[0];
  return found?.[0] ?? 'fp32';
}

/** A graph's base name: `onnx/decoder_model_merged_fp16.onnx` → `decoder_model_merged`. */
function graphOf(path: string): string {
  const stem = path.replace(/^onnx\//, '').replace(/\.onnx(_data(_\d+)?)?$/, '');
  return stem.slice(0, stem.length - ONNX_SUFFIX[dtypeOfOnnx(path)].length);
}

/** Configs, tokenizers and processors transformers.js reads from a model's root folder. */
const ROOT_FILE = /^[^/]+\.(json|txt|model)$/;

/**
 * The files of a Hub repository a self-hosted copy needs: the root configs and tokenizer files,
 * and the `onnx/` graphs (with external data) in the wanted dtypes. Where a merged decoder exists,
 * the separate decoders it replaces are left out, as transformers.js never loads them.
 */
export function pickHubFiles(files: readonly string[], dtypes: readonly ModelDtype[]): string[] {
  const onnx = files.filter((f) => /^onnx\/[^/]+\.onnx(_data(_\d+)?)?$/.test(f));
  const merged = onnx.some((f) => graphOf(f) === 'decoder_model_merged');
  const replaced = new Set(merged ? ['decoder_model', 'decoder_with_past_model'] : []);
  const graphs = onnx.filter((f) => dtypes.includes(dtypeOfOnnx(f)) && !replaced.has(graphOf(f)));
  return [...files.filter((f) => ROOT_FILE.test(f)), ...graphs].sort();
}

/** Wanted dtypes with no graph in the repository: the app would fail on that device. */
export function missingDtypes(
  files: readonly string[],
  dtypes: readonly ModelDtype[],
): ModelDtype[] {
  const present = new Set(files.filter((f) => /^onnx\/.+\.onnx$/.test(f)).map(dtypeOfOnnx));
  return dtypes.filter((dtype) => !present.has(dtype));
}
