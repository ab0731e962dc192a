/// <reference lib="webworker" />
import { expose } from 'comlink';
import { registerTransferHandlers } from '../src/shared/transfer-handlers';
import type { ResolvedModel } from '../src/shared/model-spec';
import type { WorkProgress } from '../src/shared/model-progress';
import type { ContainerKind } from '../src/shared/video-types';
import { clusterVoices, type VoicePiece } from '../src/shared/speaker-clusters';
import { turnsFrom, type SpeakerTurn } from '../src/shared/speaker-turns';
import { decodeAudio16k } from './lib/audio/decode-audio';
import { TARGET_RATE } from './lib/audio/resample';
import { loadOnce } from './lib/models/model-cache';
import { localStretches, piecesOf } from './lib/speakers/local-speakers';
import {
  embedVoice,
  loadSegmentation,
  loadSpeakerEmbedder,
  segmentWindow,
} from './lib/speakers/speaker-models';
import { planWindows, WINDOW_SECONDS } from './lib/speakers/windows';

registerTransferHandlers();

/** What to diarize: a video's file, its speech regions, and the two models. */
export interface SpeakersRequest {
  segmentation: ResolvedModel;
  embedder: ResolvedModel;
  file: Blob;
  video: { container: ContainerKind; duration: number };
  regions: { start: number; end: number }[];
}

export interface SpeakersResult {
  turns: SpeakerTurn[];
  /** Voices told apart. */
  speakers: number;
  windows: number;
  pieces: number;
  device: string;
  seconds: number;
}

const segmentationFor = loadOnce(loadSegmentation);
const embedderFor = loadOnce(loadSpeakerEmbedder);

/** pyannote's default: below this cosine distance two stretches are one voice. */
const DEFAULT_SAME_BELOW = 0.7;

const api = {
  /**
   * Who speaks when: the audio decoded as a stream, pyannote over 10 s windows of the speech
   * regions, a WeSpeaker vector per ≤ 2 s piece of each local speaker's voice, and the pieces
   * clustered across the whole recording into speakers 1, 2, … Overlapping speech stays: two
   * speakers' turns may cover the same moment.
   */
  async diarize(
    signal: AbortSignal,
    { segmentation, embedder, file, video, regions }: SpeakersRequest,
    onProgress: (progress: WorkProgress) => void,
  ): Promise<SpeakersResult> {
    const windows = planWindows(regions, video.duration);
    const [segmenter, voices] = await Promise.all([
      segmentationFor(segmentation, onProgress),
      embedderFor(embedder, onProgress),
    ]);
    const started = performance.now();
    const pieces: VoicePiece[] = [];
    let next = 0;
    let buffer = new Float32Array(0);
    let bufferStart = 0;
    const flush = async (upTo: number) => {
      for (let window = windows[next]; window && window.end <= upTo; window = windows[next]) {
        signal.throwIfAborted();
        const from = Math.max(0, Math.round((window.start - bufferStart) * TARGET_RATE));
        const samples = new Float32Array(WINDOW_SECONDS * TARGET_RATE);
        samples.set(buffer.subarray(from, from + samples.length));
        const { logits, frames, classes } = await segmentWindow(segmenter, samples);
        const frameSeconds = samples.length / TARGET_RATE / Math.max(1, frames);
        for (const stretch of localStretches(logits, frames, classes, frameSeconds)) {
          for (const piece of piecesOf(stretch)) {
            const a = Math.round(piece.start * TARGET_RATE);
            const b = Math.round(piece.end * TARGET_RATE);
            const vector = await embedVoice(voices, samples.subarray(a, b));
            pieces.push({
              start: window.start + piece.start,
              end: window.start + piece.end,
              vector,
            });
          }
        }
        next++;
        onProgress({ status: 'work', fraction: next / windows.length });
      }
      const keepFrom = windows[next]?.start ?? Infinity;
      const drop = Math.min(
        buffer.length,
        Math.max(0, Math.round((keepFrom - bufferStart) * TARGET_RATE)),
      );
      buffer = buffer.slice(drop);
      bufferStart += drop / TARGET_RATE;
    };
    if (windows.length > 0) {
      for await (const piece of decodeAudio16k(file, video.container, video.duration, signal)) {
        if (buffer.length === 0) bufferStart = piece.start;
        const joined = new Float32Array(buffer.length + piece.samples.length);
        joined.set(buffer);
        joined.set(piece.samples, buffer.length);
        buffer = joined;
        await flush(bufferStart + buffer.length / TARGET_RATE);
        if (next >= windows.length) break;
      }
      await flush(Infinity);
    }
    // A self-hosted embedder may say its own threshold in its config.json.
    const own = (voices.model.config as { same_speaker_below?: unknown }).same_speaker_below;
    const speakers = clusterVoices(pieces, {
      sameBelow: typeof own === 'number' ? own : (embedder.sameSpeakerBelow ?? DEFAULT_SAME_BELOW),
    });
    return {
      turns: turnsFrom(pieces, speakers),
      speakers: new Set(speakers).size,
      windows: windows.length,
      pieces: pieces.length,
      device: segmenter.device,
      seconds: (performance.now() - started) / 1000,
    };
  },
};

expose(api);

export type SpeakersWorkerApi = typeof api;
