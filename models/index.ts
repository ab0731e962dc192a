import type {
  BackendChoice,
  ModelRole,
  ModelSet,
  ModelSpec,
  ResolvedModel,
} from '../src/shared/model-spec';
import { WHISPER_BASE, WHISPER_TINY_EN } from './asr';
import { BLIP_BASE, VIT_GPT2 } from './caption';
import { QWEN25_05B } from './chat-llm';
import { YOLOX_NANO, YOLOX_TINY } from './detect';
import { CLIP_B16 } from './image-embed';
import { PP_OCR_V4 } from './ocr';
import { BGE_SMALL, MINILM_L6 } from './text-embed';
import { PYANNOTE_SEGMENTATION, WESPEAKER_RESNET34 } from './speakers';
import { computePlanHere } from '../src/shared/wasm-threads';
import { readBackendMemory } from '../src/shared/backend-memory';
import { modelSourceKey } from '../src/shared/backend-race';
import { pinOf } from '../src/shared/model-pins';

/** The model for each role in each set. "fast" is the default. */
export const MODEL_SETS: Record<ModelSet, Record<ModelRole, ModelSpec>> = {
  fast: {
    asr: WHISPER_TINY_EN,
    caption: VIT_GPT2,
    detect: YOLOX_NANO,
    ocr: PP_OCR_V4,
    textEmbed: MINILM_L6,
    imageEmbed: CLIP_B16,
    chatLlm: QWEN25_05B,
    speakerSegment: PYANNOTE_SEGMENTATION,
    speakerEmbed: WESPEAKER_RESNET34,
  },
  accurate: {
    asr: WHISPER_BASE,
    caption: BLIP_BASE,
    detect: YOLOX_TINY,
    ocr: PP_OCR_V4,
    textEmbed: BGE_SMALL,
    imageEmbed: CLIP_B16,
    chatLlm: QWEN25_05B,
    speakerSegment: PYANNOTE_SEGMENTATION,
    speakerEmbed: WESPEAKER_RESNET34,
  },
};

export interface ModelChoice {
  modelSet: ModelSet;
  /** A self-hosted folder of models (same layout as the Hub / `npm run models:fetch`), or null. */
  modelBaseUrl: string | null;
  /** Per-role model id overrides. */
  models: Partial<Record<ModelRole, string>>;
  /** WASM threads per model worker: "auto" or a count (src/shared/wasm-threads.ts). */
  wasmThreads?: 'auto' | number;
  /** WebGPU, WASM or "auto" (src/shared/model-spec.ts). */
  backend?: BackendChoice;
}

function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** Where a role's model comes from under the current choice. */
export function resolveModel(role: ModelRole, choice: ModelChoice): ResolvedModel {
  const spec = MODEL_SETS[choice.modelSet][role];
  const overridden = choice.models[role];
  const id = overridden ?? spec.id;
  const base = choice.modelBaseUrl;
  const { threads } = computePlanHere(choice.wasmThreads ?? 'auto');
  const backend = choice.backend ?? 'auto';
  // Raw ONNX: a model that ships with the app always loads the app's own copy (a self-hosted base
  // needn't carry it); others come from under the self-hosted base, else their published file.
  const url =
    spec.runtime === 'transformers.js' || (spec.bundled && !overridden)
      ? null
      : base
        ? joinUrl(base, spec.files ? `${id}/` : id)
        : overridden
          ? null
          : (spec.defaultUrl ?? null);
  // transformers.js models load the commit this device pinned on first download (model-pins.ts).
  const pin =
    spec.runtime === 'transformers.js' ? pinOf({ id, baseUrl: base }, spec.revision) : null;
  const model: ResolvedModel = {
    ...spec,
    id,
    url,
    baseUrl: base,
    threads,
    backend,
    ...(pin ? { revision: pin.commit, pinnedFrom: spec.revision } : {}),
  };
  if (backend !== 'auto') return model;
  // "auto" chooses per model and device by a race; the worker reuses this device's last one.
  const memory = readBackendMemory();
  return {
    ...model,
    measured: memory.races[modelSourceKey(model)] ?? null,
    raceRound: memory.round,
  };
}
