import type { Completeness } from '../pipeline/completeness-types';
import type { Lineage } from '../shared/lineage';
import type { StageName, StageState } from '../shared/stages';

/** One processing stage of a video, as `bri.status` reports it. */
export interface StageStatus {
  /** A stored row's state, or `not-started` for a stage with no row yet. */
  state: StageState | 'not-started';
  /** 0–1. */
  progress: number;
  /** Why it was skipped or failed, in plain words. */
  detail: string | null;
  stats: Record<string, number>;
}

/** What a video's status says: per stage, and for the video as a whole. */
export interface VideoStatus {
  videoId: string;
  stages: Record<StageName, StageStatus>;
  /**
   * The first frames are stored (or all of them): the video can be asked about — from its
   * metadata, what has been seen so far and `look_again` — while the rest lands.
   */
  chatReady: boolean;
  completeness: Completeness;
}

/** What the media stages stored for a video (frame images left out; fetch them with `frameAt`). */
export interface MediaIndex {
  frames: {
    t: number;
    width: number;
    height: number;
    sceneIndex: number;
    reason: 'scene' | 'interval' | 'span';
    lineage: Lineage;
  }[];
  scenes: { index: number; start: number; end: number }[];
  speechRegions: { start: number; end: number }[];
  /** When each kind of object is visible (ranges from the stored frames' detections). */
  objects: { label: string; start: number; end: number; maxScore: number; count: number }[];
  /** When each line of on-screen text is visible. */
  text: { text: string; start: number; end: number; maxScore: number; count: number }[];
  /** Per stored frame: the on-screen text lines read (OCR), boxes in that frame's pixels. */
  onScreenText: {
    t: number;
    lines: { text: string; score: number; box: [number, number, number, number] }[];
    /** False when a quick pass found nothing text-like and the frame was not read in full. */
    textLike: boolean;
    reusedFrom?: number;
  }[];
  /** What was said, in video seconds, with word timestamps where the model gives them. */
  transcript: {
    start: number;
    end: number;
    text: string;
    words: { text: string; start: number; end: number }[];
    /** ISO 639-1 code of the language spoken (`en` for English-only models). */
    language: string;
  }[];
  /**
   * Who speaks when: every turn of every voice told apart (speakers 1, 2, … by first appearance;
   * turns of two speakers may overlap) with the speaker's name. One voice: its turns, speaker 1.
   */
  speakers: { start: number; end: number; speaker: number; name: string }[];
  /**
   * One caption per stored frame, with the mean probability of its tokens (0–1). `reusedFrom`:
   * the frame of the same shot whose result this copies (the model looked at that one only).
   */
  captions: { t: number; caption: string; confidence: number; reusedFrom?: number }[];
  /** Per stored frame: the objects seen, boxes in that frame's pixels. */
  detections: {
    t: number;
    objects: { label: string; score: number; box: [number, number, number, number] }[];
    reusedFrom?: number;
  }[];
  /** Search vectors (without the vectors): what each stands for, the model, its length and norm. */
  embeddings: {
    source: 'transcript' | 'caption' | 'text' | 'frame';
    start: number;
    end: number;
    text: string;
    model: string;
    dims: number;
    /** Length of the stored vector once decoded: 1 ± quantization error. */
    norm: number;
  }[];
}
