import {
  SPEECH_REGION_OPTIONS,
  type SpeechRegionOptions,
} from '../../../src/shared/analysis-parameters';

/** A stretch of speech, seconds of video time. */
export interface SpeechRegion {
  start: number;
  end: number;
}

export type RegionOptions = SpeechRegionOptions;

/**
 * Turns per-frame speech probabilities into regions. `frameSeconds` is the duration of one VAD
 * frame (512 samples at 16 kHz = 0.032 s); `offset` is the video time of the first frame.
 */
export function speechRegionsFrom(
  probabilities: ArrayLike<number>,
  frameSeconds: number,
  duration: number,
  options: RegionOptions = SPEECH_REGION_OPTIONS,
  offset = 0,
): SpeechRegion[] {
  const raw: SpeechRegion[] = [];
  let start: number | null = null;
  let silenceSince: number | null = null;
  for (let i = 0; i < probabilities.length; i++) {
    const t = offset + i * frameSeconds;
    const p = probabilities[i] ?? 0;
    if (start === null) {
      if (p >= options.startThreshold) start = t;
      continue;
    }
    if (p >= options.endThreshold) {
      silenceSince = null;
    } else if (silenceSince === null) {
      silenceSince = t;
    } else if (t + frameSeconds - silenceSince >= options.minSilence) {
      raw.push({ start, end: silenceSince });
      start = null;
      silenceSince = null;
    }
  }
  if (start !== null)
    raw.push({ start, end: silenceSince ?? offset + probabilities.length * frameSeconds });
  return padAndMerge(
    raw.filter((r) => r.end - r.start >= options.minSpeech),
    options.padding,
    duration,
  );
}

function padAndMerge(regions: SpeechRegion[], padding: number, duration: number): SpeechRegion[] {
  const merged: SpeechRegion[] = [];
  for (const region of regions) {
    const start = Math.max(0, region.start - padding);
    const end = Math.min(duration, region.end + padding);
    const last = merged.at(-1);
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else merged.push({ start: round(start), end: round(end) });
  }
  return merged.map((r) => ({ start: round(r.start), end: round(r.end) }));
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
