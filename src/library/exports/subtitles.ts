import { formatCueTime } from '../../shared/format';

/** One subtitle: what was said from `start` to `end` (video seconds). */
export interface SubtitleCue {
  start: number;
  end: number;
  text: string;
  /** Who says it, where speakers were told apart. */
  speaker?: string | null;
}

/** Shortest cue kept on screen, so a zero-length segment still shows. */
const MIN_CUE_SECONDS = 0.5;

/**
 * Transcript segments as cues a player accepts: in start order, text on one trimmed line, each
 * ending after it starts and no later than the next one begins (players show overlapping cues
 * stacked, which reads as a glitch). Segments with no words are dropped.
 */
export function toCues(segments: readonly SubtitleCue[]): SubtitleCue[] {
  const sorted = segments
    .map(({ start, end, text, speaker }) => ({
      start,
      end,
      text: text.replace(/\s+/g, ' ').trim(),
      ...(speaker?.trim() ? { speaker: speaker.replace(/\s+/g, ' ').trim() } : {}),
    }))
    .filter((cue) => cue.text.length > 0 && Number.isFinite(cue.start) && cue.start >= 0)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  return sorted.map((cue, i) => {
    const next = sorted[i + 1]?.start ?? Infinity;
    const end = Math.min(Math.max(cue.end, cue.start + MIN_CUE_SECONDS), next);
    return { ...cue, end: Math.max(end, cue.start + 0.001) };
  });
}

/** SubRip: numbered cues separated by blank lines; a speaker's name leads their line. */
export function toSrt(segments: readonly SubtitleCue[]): string {
  return toCues(segments)
    .map(
      (cue, i) =>
        `${i + 1}\n${formatCueTime(cue.start, ',')} --> ${formatCueTime(cue.end, ',')}\n${cue.speaker ? `${cue.speaker}: ` : ''}${cue.text}\n`,
    )
    .join('\n');
}

/**
 * WebVTT, each speaker's lines in a voice span (`<v Dana>…`). "-->" inside a cue's text would end
 * its timing line early, and '<' / '&' start tags and entities, so they are escaped (and a name
 * can't close its own tag).
 */
export function toVtt(segments: readonly SubtitleCue[]): string {
  const escape = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const cues = toCues(segments).map((cue) => {
    const voice = cue.speaker ? `<v ${escape(cue.speaker)}>` : '';
    return `${formatCueTime(cue.start, '.')} --> ${formatCueTime(cue.end, '.')}\n${voice}${escape(cue.text)}\n`;
  });
  return ['WEBVTT\n', ...cues].join('\n');
}
