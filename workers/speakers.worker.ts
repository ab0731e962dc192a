/// <reference lib="webworker" />
import { expose } from 'comlink';
import { registerTransferHandlers } from '../src/shared/transfer-handlers';
import type { ResolvedModel } from '../src/shared/model-spec';
import type { WorkProgress } from '../src/shared/model-progress';
import type { ContainerKind } from '../src/shared/video-types';
import { clusterVoices, type VoicePiece } from '../src/shared/speaker-clusters';
import { turnsFrom, type SpeakerTurn } from '../src/shared/speaker-turns';
import { forEachSpanAudio } from './lib/audio/span-audio';
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
  /** A run a reload interrupted: its first `windows` windows heard, and their pieces. */
  resumed?: { windows: number; pieces: VoicePiece[] };
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
  /** Loads both models now, while another stage runs, so diarizing starts at once. */
  async prepare(
    segmentation: ResolvedModel,
    embedder: ResolvedModel,
    onProgress: (progress: WorkProgress) => void,
  ): Promise<void> {
    await Promise.all([
      segmentationFor(segmentation, onProgress),
      embedderFor(embedder, onProgress),
    ]);
  },

  /**
   * Who speaks when: the audio decoded as a stream, pyannote over 10 s windows of the speech
   * regions, a WeSpeaker vector per ≤ 2 s piece of each local speaker's voice, and the pieces
   * clustered across the whole recording into speakers 1, 2, … Overlapping speech stays: two
   * speakers' turns may cover the same moment. Each window's pieces go to `onWindow` as it is
   * heard (the stage's checkpoint); `resumed` skips the windows a reload interrupted after.
   */
  async diarize(
    signal: AbortSignal,
    { segmentation, embedder, file, video, regions, resumed }: SpeakersRequest,
    onWindow: (heard: { windows: number; pieces: VoicePiece[] }) => Promise<void>,
    onProgress: (progress: WorkProgress) => void,
  ): Promise<SpeakersResult> {
    const windows = planWindows(regions, video.duration);
    const [segmenter, voices] = await Promise.all([
      segmentationFor(segmentation, onProgress),
      embedderFor(embedder, onProgress),
    ]);
    const started = performance.now();
    const pieces: VoicePiece[] = [...(resumed?.pieces ?? [])];
    let heard = 0;
    const hear = async (window: { start: number }, audio: Float32Array) => {
      // The audio is decoded from the start even when resuming: it is heard exactly as before.
      if (heard < (resumed?.windows ?? 0)) {
        heard++;
        return;
      }
      const before = pieces.length;
      const samples = new Float32Array(WINDOW_SECONDS * TARGET_RATE);
      samples.set(audio.subarray(0, samples.length));
      const { logits, frames, classes } = await segmentWindow(segmenter, samples);
      const frameSeconds = samples.length / TARGET_RATE / Math.max(1, frames);
      for (const stretch of localStretches(logits, frames, classes, frameSeconds))
        for (const piece of piecesOf(stretch)) {
          const at = (t: number) => Math.round(t * TARGET_RATE);
          const vector = await embedVoice(voices, samples.subarray(at(piece.start), at(piece.end)));
          pieces.push({ start: window.start + piece.start, end: window.start + piece.end, vector });
        }
      heard++;
      await onWindow({ windows: heard, pieces: pieces.slice(before) });
      onProgress({ status: 'work', fraction: heard / windows.length });
    };
    await forEachSpanAudio(file, video, windows, signal, hear);
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
