import type { StageName, StageState } from './stages';

/** A stretch of video time, seconds. */
export interface Span {
  start: number;
  end: number;
}

/**
 * What was analysed first for a question's span (src/pipeline/span-first.ts), and where the
 * stages stood when it was ready: what `bri.ask` reports as `lookedFirst`.
 */
export interface SpanLook extends Span {
  /** Per stage, how much of the span it now covers: frames sampled or looked at, chunks heard. */
  did: Partial<Record<StageName, number>>;
  seconds: number;
  /** The stages not finished when the span was ready, with their progress (0–1). */
  stagesThen: { stage: StageName; state: StageState; progress: number }[];
}
