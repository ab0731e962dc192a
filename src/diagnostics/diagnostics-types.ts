/** Types of BRI's diagnostics: the session log and its export (shared with `window.bri`). */
import type { BackendRace } from '../shared/backend-race';

/** How serious an entry is. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** One structured entry of the session's log. */
export interface LogEntry {
  /** Epoch milliseconds. */
  at: number;
  level: LogLevel;
  /** Where it came from: `pipeline`, `tools`, `agent`, `models`, `app`… */
  component: string;
  message: string;
  videoId?: string;
  /** How long the thing logged took, when it is a timing. */
  durationMs?: number;
  /** Small structured details (counts, device, cache hit…); never keys or file contents. */
  data?: Record<string, string | number | boolean | null>;
}

/** What this browser offers BRI's models: shown in Settings and saved with diagnostics. */
export interface DeviceInfo {
  webgpu: boolean;
  /** The WebGPU adapter, e.g. "nvidia ampere" or "google swiftshader"; null without WebGPU. */
  adapter: string | null;
  /** Whether the adapter does fp16 shaders (the models' smaller, faster weights need it). */
  shaderF16: boolean;
  /** A software adapter (SwiftShader…): "auto" runs the models on WASM instead. */
  softwareAdapter: boolean;
  cores: number;
  /** navigator.deviceMemory (Chromium only, rounded down to a power of two, at most 8). */
  memoryGb: number | null;
  /** The page is cross-origin isolated: SharedArrayBuffer, so WASM may use several threads. */
  crossOriginIsolated: boolean;
  /** WASM threads each model worker runs (src/shared/wasm-threads.ts). */
  wasmThreads: number;
  /** Model stages that run side by side. */
  modelLanes: number;
  /** Each model's backend race on this device, under "auto" (src/shared/backend-race.ts). */
  backendRaces: BackendRace[];
}

/** A stage that finished in this session, and how long it ran. */
export interface StageTiming {
  videoId: string;
  stage: string;
  state: string;
  /** Wall-clock seconds the stage ran in this session. */
  seconds: number;
  /**
   * The stage's own measured work (decoding for the media stages, model inference for the model
   * stages), without waits for downloads or the other lane; null where it isn't measured.
   */
  workSeconds: number | null;
}

/** What "Export diagnostics" saves: the session's log with its figures summed up. */
export interface DiagnosticsReport {
  format: 'bri-diagnostics';
  appVersion: string;
  exportedAt: string;
  userAgent: string;
  device: DeviceInfo;
  summary: {
    stageTimings: StageTiming[];
    toolCalls: number;
    cache: { hits: number; misses: number; hitRate: number | null };
    errors: number;
  };
  entries: readonly LogEntry[];
}
