import { pipeline, type AutomaticSpeechRecognitionPipeline } from '@huggingface/transformers';
import type { ResolvedModel } from '../../../src/shared/model-spec';
import type { ModelProgress } from '../../../src/shared/model-progress';
import { isMultilingual } from './detect-language';
import { groupWords, type TimedWord } from './group-words';
import { loadWithTransformers, type LoadedOn } from '../models/transformers-env';
import type { ModelKind } from '../models/backend-race';
import { SILENT_SECOND } from '../models/warm-up-inputs';

export interface LoadedWhisper extends LoadedOn {
  asr: AutomaticSpeechRecognitionPipeline;
  /** False when the model's export has no cross-attentions to align words with. */
  wordTimestamps: boolean;
  /** Speaks many languages (detected per chunk), or English only. */
  multilingual: boolean;
}

/** One stretch of speech Whisper returned, in seconds from the start of its audio. */
export interface AsrSegment {
  text: string;
  start: number;
  end: number;
  words: { text: string; start: number; end: number }[];
}

export function loadWhisper(
  model: ResolvedModel,
  onProgress: (progress: ModelProgress) => void,
): Promise<LoadedWhisper> {
  return loadWithTransformers(model, onProgress, async (options) => {
    const asr = (await pipeline(
      'automatic-speech-recognition',
      model.id,
      options,
    )) as AutomaticSpeechRecognitionPipeline;
    return { asr, wordTimestamps: true, multilingual: isMultilingual(asr) };
  });
}

interface RawChunk {
  text: string;
  timestamp: [number, number | null];
}

/** Clamps a timestamp Whisper gave into the audio it heard (its last one may be null). */
const clampTo = (t: number | null | undefined, duration: number, fallback: number) =>
  Math.min(duration, Math.max(0, t ?? fallback));

/** Whisper's chunks with every timestamp inside the audio and no end before its start. */
function timed(chunks: RawChunk[], duration: number): TimedWord[] {
  return chunks.map((chunk, i) => {
    const start = clampTo(chunk.timestamp[0], duration, 0);
    const next = chunks[i + 1]?.timestamp[0];
    return {
      text: chunk.text,
      start,
      end: Math.max(start, clampTo(chunk.timestamp[1], duration, next ?? duration)),
    };
  });
}

/**
 * Transcribes ≤ 30 s of 16 kHz audio in one pass. With word timestamps (cross-attention
 * alignment) the words are grouped into segments; a model exported without the attentions that
 * needs falls back, once and for good, to Whisper's own segment timestamps. Times are relative to
 * the audio's start. `language` (multilingual models only) is the code to transcribe in.
 */
export async function transcribeChunk(
  whisper: LoadedWhisper,
  samples: Float32Array,
  language: string | null = null,
): Promise<AsrSegment[]> {
  const duration = samples.length / 16_000;
  const spoken = language ? { language, task: 'transcribe' as const } : {};
  const run = async (mode: true | 'word') =>
    (
      (await whisper.asr(samples, { return_timestamps: mode, ...spoken })) as {
        chunks?: RawChunk[];
      }
    ).chunks ?? [];
  if (whisper.wordTimestamps) {
    try {
      return groupWords(timed(await run('word'), duration));
    } catch {
      whisper.wordTimestamps = false;
    }
  }
  return timed(await run(true), duration)
    .filter((segment) => segment.text.trim())
    .map((segment) => ({ ...segment, text: segment.text.trim(), words: [] }));
}

/** Whisper as a model worker runs it (and times it in a backend race). */
export const WHISPER: ModelKind<LoadedWhisper> = {
  load: loadWhisper,
  warmUp: (whisper) => transcribeChunk(whisper, SILENT_SECOND()),
  dispose: (whisper) => whisper.asr.dispose(),
};
