import type { BackendChoice, ModelRole, ModelSet } from '../shared/model-spec';
import type { ShareWithGroq } from '../shared/share-with-groq';

/** A current Groq model with tool calling: the chat model until the person picks another. */
export const DEFAULT_GROQ_MODEL = 'openai/gpt-oss-20b';

/** Settings `bri.configure` reads and writes (kept in this browser only). */
export interface BriSettings {
  autoAnalyse: boolean;
  /** "fast" (default) or "accurate" models; see `models/`. */
  modelSet: ModelSet;
  /** Self-hosted model folder (Hub layout), or null for the Hugging Face Hub. */
  modelBaseUrl: string | null;
  /** Model id per role, e.g. `{ asr: "test/whisper-tiny.en-random", detect: "yolox-nano/yolox_nano.onnx" }`. */
  models: Partial<Record<ModelRole, string>>;
  /** The person's own Groq API key (kept in this browser only; returned masked). */
  groqApiKey: string | null;
  /** Groq's API root, or null for https://api.groq.com. */
  groqBaseUrl: string | null;
  /** The chat model (one with tool calling). */
  groqModel: string;
  /** Without Groq (no key, offline), let the local chat model word the tools' answers. */
  localChat: boolean;
  /**
   * WASM threads per model worker: "auto" (chosen for this device: wasm-threads.ts) or a count.
   * More than one needs a cross-origin isolated page; without it the models run on one.
   */
  wasmThreads: 'auto' | number;
  /**
   * Where models run: "auto" (per model the faster of WebGPU and WASM, timed on this device;
   * WASM without a hardware adapter), "webgpu" or "wasm".
   */
  backend: BackendChoice;
  /**
   * What of a video's content the chat may send to Groq, per kind (all true by default): a kind
   * switched off is withheld from the tool results sent (src/agent/withhold.ts).
   */
  shareWithGroq: ShareWithGroq;
  /**
   * Offer BRI's tools to the AI agents in this browser (WebMCP), off until the person turns it
   * on; the Send to Groq switches govern what the agents get too (src/webmcp).
   */
  agentTools: boolean;
}

/** A change to the settings: any of them, and any of the Send to Groq switches. */
export type BriSettingsChange = Partial<Omit<BriSettings, 'shareWithGroq'>> & {
  shareWithGroq?: Partial<ShareWithGroq>;
};
