/// <reference lib="webworker" />
import { expose } from 'comlink';
import { registerTransferHandlers } from '../src/shared/transfer-handlers';
import type { ResolvedModel } from '../src/shared/model-spec';
import type { ContainerKind } from '../src/shared/video-types';
import { planChunks, type AsrChunk } from './lib/asr/chunk-plan';
import { WHISPER, transcribeChunk, type AsrSegment, type LoadedWhisper } from './lib/asr/whisper';
import { detectLanguage } from './lib/asr/detect-language';
import { forEachSpanAudio } from './lib/audio/span-audio';
import type { WorkProgress } from '../src/shared/model-progress';
import { loadOnce } from './lib/models/model-cache';

registerTransferHandlers();

/** Segments of one chunk, in absolute video time, and the language they are in. */
export interface TranscribedChunk {
  chunk: AsrChunk;
  segments: AsrSegment[];
  /** Detected by multilingual models; English-only models report `en` with probability null. */
  language: { code: string; probability: number | null };
}

const whisperFor = loadOnce<LoadedWhisper>(WHISPER);

/** What to transcribe: a video's file, its speech regions, and the chunks already stored. */
export interface TranscribeRequest {
  model: ResolvedModel;
  file: Blob;
  video: { container: ContainerKind; duration: number };
  regions: { start: number; end: number }[];
  /** Start times of chunks stored before a reload (a checkpoint): not run again. */
  done: readonly number[];
  /**
   * Decode from the first chunk to hear, not from the file's start: for a short span far into a
   * long file. A seeked decode's samples can differ by a fraction of a sample from a whole one
   * (the 16 kHz grid and the decoder's warm-up), so the stage doesn't: a resumed run must hear
   * exactly what an uninterrupted one heard.
   */
  seek?: boolean;
}

/** Shifts a chunk's segments from chunk-relative to video time. */
function toVideoTime(segments: AsrSegment[], offset: number): AsrSegment[] {
  const at = (t: number) => Math.round((offset + t) * 1000) / 1000;
  return segments.map((s) => ({
    text: s.text,
    start: at(s.start),
    end: at(s.end),
    words: s.words.map((w) => ({ text: w.text, start: at(w.start), end: at(w.end) })),
  }));
}

const api = {
  /**
   * Transcribes the speech regions of a video with Whisper: audio is decoded as a stream, cut into
   * ≤ 30 s chunks at pauses, and each chunk's segments are reported (in video time) as it is done.
   * Chunks starting at a time in `done` (a checkpoint: stored before a reload) are not run again.
   */
  async transcribe(
    signal: AbortSignal,
    { model, file, video, regions, done, seek = false }: TranscribeRequest,
    onChunk: (result: TranscribedChunk) => Promise<void>,
    onProgress: (progress: WorkProgress) => void,
  ): Promise<{ device: string; seconds: number; wordTimestamps: boolean; chunks: number }> {
    const chunks = planChunks(regions);
    const skip = new Set(done);
    const whisper = await whisperFor(model, onProgress);
    const started = performance.now();
    let handled = 0;
    const hear = async (chunk: AsrChunk, samples: Float32Array) => {
      handled++;
      if (skip.has(chunk.start)) return;
      const language = whisper.multilingual
        ? await detectLanguage(whisper.asr, samples)
        : { code: 'en', probability: null };
      const segments = await transcribeChunk(
        whisper,
        samples,
        whisper.multilingual ? language.code : null,
      );
      await onChunk({ chunk, segments: toVideoTime(segments, chunk.start), language });
      onProgress({ status: 'work', fraction: handled / chunks.length });
    };
    const from = seek ? (chunks.find((chunk) => !skip.has(chunk.start))?.start ?? 0) : 0;
    await forEachSpanAudio(file, video, chunks, signal, hear, from);
    return {
      device: whisper.device,
      seconds: (performance.now() - started) / 1000,
      wordTimestamps: whisper.wordTimestamps,
      chunks: chunks.length,
    };
  },
};

expose(api);

export type TranscribeWorkerApi = typeof api;
