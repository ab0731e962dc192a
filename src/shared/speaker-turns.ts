/**
 * Who speaks when, as turns, and the transcript's lines and words put with their speakers. Pure:
 * the speakers worker makes turns, the transcript, timeline, exports and tools read them.
 */

/** A stretch of one speaker's voice (speakers are 1, 2, … in order of first appearance). */
export interface SpeakerTurn {
  start: number;
  end: number;
  speaker: number;
}

/** What a person calls each speaker: their own names, else "Speaker N". */
export type SpeakerNames = Readonly<Record<number, string>>;

export function speakerName(speaker: number, names: SpeakerNames = {}): string {
  return names[speaker]?.trim() || `Speaker ${speaker}`;
}

/**
 * Turns from labelled pieces: one speaker's pieces that overlap or are `joinGap` seconds apart
 * or less become one turn; different speakers' turns may overlap (two people at once).
 */
export function turnsFrom(
  pieces: readonly { start: number; end: number }[],
  speakers: readonly number[],
  joinGap = 0.5,
): SpeakerTurn[] {
  const bySpeaker = new Map<number, { start: number; end: number }[]>();
  pieces.forEach((piece, i) => {
    const speaker = speakers[i];
    if (speaker === undefined) return;
    bySpeaker.set(speaker, [...(bySpeaker.get(speaker) ?? []), piece]);
  });
  const turns: SpeakerTurn[] = [];
  for (const [speaker, own] of bySpeaker) {
    const sorted = [...own].sort((a, b) => a.start - b.start);
    let current: SpeakerTurn | null = null;
    for (const { start, end } of sorted) {
      if (current && start <= current.end + joinGap) current.end = Math.max(current.end, end);
      else {
        current = { start, end, speaker };
        turns.push(current);
      }
    }
  }
  return turns.sort((a, b) => a.start - b.start || a.speaker - b.speaker);
}

/** Seconds each speaker's turns overlap [start, end]. */
function overlapBySpeaker(turns: readonly SpeakerTurn[], start: number, end: number) {
  const seconds = new Map<number, number>();
  for (const turn of turns) {
    const shared = Math.min(end, turn.end) - Math.max(start, turn.start);
    if (shared > 0) seconds.set(turn.speaker, (seconds.get(turn.speaker) ?? 0) + shared);
  }
  return seconds;
}

/**
 * The speaker of a stretch: the one whose turns overlap it most; for an instant (a word with no
 * length) the one speaking then, else the nearest turn within a second; null when none.
 */
export function speakerOf(
  turns: readonly SpeakerTurn[],
  start: number,
  end: number,
): number | null {
  const seconds = overlapBySpeaker(turns, start, Math.max(end, start + 0.01));
  let best: number | null = null;
  let most = 0;
  for (const [speaker, s] of seconds)
    if (s > most || (s === most && best !== null && speaker < best)) [best, most] = [speaker, s];
  if (best !== null) return best;
  const near = turns
    .map((turn) => ({ turn, gap: Math.max(turn.start - end, start - turn.end) }))
    .filter(({ gap }) => gap <= 1)
    .sort((a, b) => a.gap - b.gap)[0];
  return near?.turn.speaker ?? null;
}

/** Seconds each speaker spoke, most first (overlaps count for both). */
export function speakingTime(
  turns: readonly SpeakerTurn[],
): { speaker: number; seconds: number; turns: number }[] {
  const totals = new Map<number, { speaker: number; seconds: number; turns: number }>();
  for (const { speaker, start, end } of turns) {
    const entry = totals.get(speaker) ?? { speaker, seconds: 0, turns: 0 };
    entry.seconds = Math.round((entry.seconds + end - start) * 100) / 100;
    entry.turns++;
    totals.set(speaker, entry);
  }
  return [...totals.values()].sort((a, b) => b.seconds - a.seconds || a.speaker - b.speaker);
}

interface TimedText {
  start: number;
  end: number;
  text: string;
  words?: readonly { text: string; start: number; end: number }[];
}

/**
 * Transcript segments with their speakers: each word goes to the speaker talking then, and a
 * segment whose words change speaker is split at the word where it changes (each part keeping
 * its words and text). A segment without words takes the speaker it overlaps most.
 */
export function withSpeakers<Segment extends TimedText>(
  segments: readonly Segment[],
  turns: readonly SpeakerTurn[],
): (Segment & { speaker: number | null })[] {
  if (turns.length === 0) return segments.map((s) => ({ ...s, speaker: null }));
  return segments.flatMap((segment) => {
    const words = segment.words ?? [];
    if (words.length < 2)
      return [{ ...segment, speaker: speakerOf(turns, segment.start, segment.end) }];
    const parts: { speaker: number | null; words: (typeof words)[number][] }[] = [];
    for (const word of words) {
      const speaker = speakerOf(turns, word.start, word.end);
      const last = parts.at(-1);
      // A word no turn covers stays with the words around it.
      if (last && (speaker === null || speaker === last.speaker)) last.words.push(word);
      else parts.push({ speaker, words: [word] });
    }
    if (parts.length === 1)
      return [
        { ...segment, speaker: parts[0]!.speaker ?? speakerOf(turns, segment.start, segment.end) },
      ];
    return parts.map((part, i) => ({
      ...segment,
      start: i === 0 ? segment.start : part.words[0]!.start,
      end: i === parts.length - 1 ? segment.end : part.words.at(-1)!.end,
      text: part.words
        .map((w) => w.text)
        .join('')
        .trim(),
      words: part.words,
      speaker: part.speaker,
    }));
  });
}
