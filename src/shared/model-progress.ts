import type { BackendRace } from './backend-race';

/** Typed download progress, keyed by file (whisper-web's shape). */
export type ModelProgress =
  | { status: 'initiate'; file: string }
  | { status: 'progress'; file: string; loaded: number; total: number | null }
  | { status: 'done'; file: string }
  | {
      status: 'ready';
      model: string;
      device: string;
      dtype?: string;
      threads?: number;
      /** Under "auto": the race that chose `device`, when this load ran it. */
      race?: BackendRace;
      /** Under "auto": `device` is a remembered race's winner. */
      remembered?: boolean;
    };

/** What a model worker reports during a long call: model loading, then how much work is done. */
export type WorkProgress = ModelProgress | { status: 'work'; fraction: number };
