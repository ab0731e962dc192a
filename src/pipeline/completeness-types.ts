/** One line of the completeness report: what a stage should have stored, and what is there. */
export interface CompletenessItem {
  expected: number;
  stored: number;
  /** stored / expected, at most 1 (1 when nothing was expected). */
  ratio: number;
}

/** Per finished stage, how complete its stored results are (`bri.status(id).completeness`). */
export interface Completeness {
  frames?: CompletenessItem;
  detections?: CompletenessItem;
  onScreenText?: CompletenessItem;
  captions?: CompletenessItem;
  /** Speech regions inside a chunk Whisper has transcribed. */
  transcript?: CompletenessItem;
  embeddings?: CompletenessItem;
}
