/** Typed download progress, keyed by file (whisper-web's shape). */
export type ModelProgress =
  | { status: 'initiate'; file: string }
  | { status: 'progress'; file: string; loaded: number; total: number | null }
  | { status: 'done'; file: string }
  | { status: 'ready'; model: string; device: string; dtype?: string; threads?: number };

/** What a model worker reports during a long call: model loading, then how much work is done. */
export type WorkProgress = ModelProgress | { status: 'work'; fraction: number };
