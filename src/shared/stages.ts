/**
 * The processing stages, in graph order (src/pipeline/stage-graph.ts says what each reads), and
 * the states a stage row can be in. Stored rows, the pipeline and `bri.status` all use these.
 */
export const STAGE_NAMES = [
  'frames',
  'speech',
  'objects',
  'text',
  'transcript',
  'speakers',
  'captions',
  'embeddings',
] as const;
export type StageName = (typeof STAGE_NAMES)[number];

/** A stored stage row's state. */
export type StageState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled' | 'skipped';
