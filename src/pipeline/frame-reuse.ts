import type { Lineage } from '../shared/lineage';

/** A stored frame as far as reuse cares: its time and the frame it shares results with. */
interface ReusableFrame {
  t: number;
  sameAs?: number;
}

/** Which frames a model must see, and which others take a copy of each one's result. */
export interface FrameReuse<F extends ReusableFrame> {
  /** Frames the model runs on, in time order. */
  looked: F[];
  /** For a looked frame's time, the times of the frames that share its result. */
  sharers: Map<number, number[]>;
}

/**
 * Splits frames by the frames stage's novelty decision (workers/lib/frames/frame-novelty.ts). A
 * frame pointing at a frame that is not stored (a row lost, a damaged backup) or that is itself a
 * copy is looked at itself.
 */
export function planFrameReuse<F extends ReusableFrame>(frames: F[]): FrameReuse<F> {
  const looked: F[] = [];
  const lookedTimes = new Set<number>();
  const sharers = new Map<number, number[]>();
  // Time order, and a frame only ever points back: its source's fate is known when it comes.
  for (const frame of [...frames].sort((a, b) => a.t - b.t)) {
    const source = frame.sameAs;
    if (source !== undefined && source < frame.t && lookedTimes.has(source)) {
      sharers.set(source, [...(sharers.get(source) ?? []), frame.t]);
      continue;
    }
    looked.push(frame);
    lookedTimes.add(frame.t);
  }
  return { looked, sharers };
}

/** The lineage of a row copied from the frame at `from`: the same model, saying it was reused. */
export function reusedLineage(used: Lineage, from: number): Lineage {
  return { ...used, reusedFrom: from };
}
