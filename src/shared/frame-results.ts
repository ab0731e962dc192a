import type { ContainerKind } from './video-types';
/**
 * What the frame workers hand the main thread, per frame — and so the shapes the stored rows
 * keep (src/db/schema.ts extends them with the video id and lineage).
 */

/** A sampled frame: a small WebP at its exact presentation time. */
export interface SampledFrame {
  t: number;
  blob: Blob;
  width: number;
  height: number;
  sceneIndex: number;
  /**
   * Why it was kept: the first frame of a scene, or the regular interval — or sampled for a
   * question's span before the frames stage got there (replaced by the stage's own when it ends).
   */
  reason: 'scene' | 'interval' | 'span';
  /**
   * Set when this frame shows nothing new: the time of the earlier frame in its shot whose
   * caption, objects, text and image embedding it shares (frame-novelty.ts). The image models
   * run only on frames without it.
   */
  sameAs?: number;
}

/** A stored frame to look at. */
export interface FrameInput {
  t: number;
  blob: Blob;
  /**
   * The video itself, for a model that reads the frame at the video's own resolution where the
   * stored frame (a small WebP) is too coarse: on-screen text, whose spaces and small print a
   * 384 px frame loses. Results stay in the stored frame's pixels.
   */
  source?: { file: Blob; container: ContainerKind };
}

/** A box, x1, y1, x2, y2 in the frame's pixels. */
export type Box = [number, number, number, number];

/** One object the detector found. */
export interface Detection {
  label: string;
  score: number;
  box: Box;
}

export interface FrameDetections {
  t: number;
  objects: Detection[];
}

/** One sentence about a frame, with the mean probability of its tokens (0–1). */
export interface Caption {
  caption: string;
  confidence: number;
}

export interface FrameCaption extends Caption {
  t: number;
}

/** One line of on-screen text, its box and the recogniser's confidence. */
export interface TextLine {
  text: string;
  score: number;
  box: Box;
}

export interface FrameText {
  t: number;
  lines: TextLine[];
  /** False when the quick check found nothing text-like and the full pass was skipped. */
  textLike: boolean;
}

export interface FrameEmbedding {
  t: number;
  vector: Float32Array;
}

/** Which space a search query is embedded in: sentences (`text`) or CLIP's (`image`). */
export type QuerySpace = 'text' | 'image';
