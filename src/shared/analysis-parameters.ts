/**
 * The parameters each analysis stage runs with — one source, read by the worker that runs the
 * stage and by the pipeline that writes them into the rows' lineage, so a row never claims a
 * setting the worker did not use.
 */

/**
 * Silero VAD v5 (snakers4/silero-vad, MIT), the file `dist/silero_vad_v5.onnx` of the npm package
 * `@ricky0123/vad-web` (pinned exactly; the checksum is tested and written into lineage).
 */
export const SILERO_VAD = {
  id: 'silero-vad-v5',
  file: '@ricky0123/vad-web/dist/silero_vad_v5.onnx',
  sha256: '2623a2953f6ff3d2c1e61740c6cdb7168133479b267dfef114a4a3cc5bdd788f',
  licence: 'MIT',
} as const;

/** Silero v5 at 16 kHz: 512 new samples per frame, plus the previous frame's last 64 as context. */
export const VAD_FRAME_SAMPLES = 512;

/** Silero's recommended hysteresis and the padding Whisper likes around speech. */
export const SPEECH_REGION_OPTIONS = {
  /** Probability at which speech starts. */
  startThreshold: 0.5,
  /** Probability under which speech may end. */
  endThreshold: 0.35,
  /** A pause at least this long (s) ends a region: transcription cuts its chunks there. */
  minSilence: 0.4,
  /** Shorter blips (s) are dropped (coughs, clicks). */
  minSpeech: 0.25,
  /** Added (s) before and after each region so word edges aren't clipped. */
  padding: 0.15,
};

export type SpeechRegionOptions = typeof SPEECH_REGION_OPTIONS;

/** YOLO-family detectors: boxes under `scoreThreshold` are dropped, then same-label NMS. */
export const DETECTOR_PARAMETERS = { scoreThreshold: 0.3, nms: 0.45 } as const;

/** PaddleOCR: the text-like gate's side (px), DB box finding, and the recogniser's floor. */
export const OCR_PARAMETERS = {
  textLikeGate: 320,
  minLineScore: 0.5,
  db: { threshold: 0.3, boxThreshold: 0.6, unclipRatio: 1.5, minSide: 3 },
} as const;

/**
 * Captions: greedy decoding, at most this many new tokens — about 15 words, the length
 * ViT-GPT2's own config sets (max_length 20, what its pipeline generates by default). Each token
 * costs a decoder step that re-projects all 197 image patches for cross-attention (the exported
 * decoders cache only self-attention), so the cap is most of a caption's price when a model
 * rambles.
 */
export const CAPTION_PARAMETERS = { maxNewTokens: 20, decoding: 'greedy' } as const;

/**
 * Which sampled frames the image models look at (workers/lib/frames/frame-novelty.ts): a frame
 * the same as the shot's last looked-at one, to within `noise` (a 4 × 4-pixel block's mean grey,
 * 0–1, on the 64 × 36 cut thumbnail), reuses its results; a new palette (histogram distance over
 * `newPicture`) or the first change after a still spell is new; a moving shot is looked at again
 * every `reuseSpan` seconds.
 */
export const FRAME_NOVELTY = { noise: 0.05, newPicture: 0.2, reuseSpan: 12 } as const;
