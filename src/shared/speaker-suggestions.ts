import { speakerOf, type SpeakerTurn } from './speaker-turns';

/** A name BRI can justify for a speaker, and why: never applied without the person's yes. */
export interface NameSuggestion {
  speaker: number;
  name: string;
  /** On screen while only this speaker talked (a lower third), or said in their own words. */
  why: 'on screen' | 'introduced';
  /** When the evidence is, seconds. */
  at: number;
  /** The evidence itself: the text on screen, or the words said. */
  evidence: string;
}

/** A word of a name: a capital then letters ("Dana", "REYES", "O'Neil", "Anne-Marie"). */
const NAME_WORD = "\\p{Lu}[\\p{L}'’-]+";
/** Two or three such words and nothing else: what a name tag shows. */
const NAME_TAG = new RegExp(`^${NAME_WORD}(?: ${NAME_WORD}){1,2}$`, 'u');
/** "I'm Dana", "I am Dana Reyes", "my name is Dana", "call me Dana". */
const INTRODUCTION = new RegExp(
  `\\b(?:I['’]m|I am|[Mm]y name is|[Mm]y name's|[Cc]all me)\\s+(${NAME_WORD}(?:\\s${NAME_WORD})?)`,
  'u',
);
/** Capitalised words after "I'm" that are not names ("I'm Sorry", "I'm Not sure"). */
const NOT_NAMES = new Set(['sorry', 'not', 'so', 'just', 'here', 'glad', 'happy', 'going', 'the']);

/** "DANA REYES" as a person writes it: "Dana Reyes". */
function asName(text: string): string {
  return text
    .split(' ')
    .map((word) => (word === word.toUpperCase() ? word[0] + word.slice(1).toLowerCase() : word))
    .join(' ');
}

/**
 * Names BRI can justify, at most one per speaker and name:
 * - a name tag on screen (two or three capitalised words) while one speaker talks alone
 *   (at least half the time it shows; anyone else no more than its edges, ≤ 0.5 s or a tenth);
 * - a self-introduction in a speaker's own words ("I'm Dana", "my name is Dana Reyes").
 * Names the speaker already has and suggestions turned down (`dismissed`, "<speaker>:<name>")
 * are left out.
 */
export function suggestSpeakerNames({
  turns,
  onScreen,
  said,
  names,
  dismissed,
}: {
  turns: readonly SpeakerTurn[];
  onScreen: readonly { text: string; start: number; end: number }[];
  said: readonly { text: string; start: number; end: number; speaker: number | null }[];
  names: Readonly<Record<string, string>>;
  dismissed: readonly string[];
}): NameSuggestion[] {
  const found: NameSuggestion[] = [];
  const offer = (suggestion: NameSuggestion) => {
    const taken = names[suggestion.speaker]?.toLowerCase() === suggestion.name.toLowerCase();
    const refused = dismissed.includes(`${suggestion.speaker}:${suggestion.name}`);
    const again = found.some((f) => f.speaker === suggestion.speaker && f.name === suggestion.name);
    if (!taken && !refused && !again) found.push(suggestion);
  };
  for (const text of onScreen) {
    const tag = text.text.trim().replace(/\s+/g, ' ');
    if (!NAME_TAG.test(tag)) continue;
    const talking = new Map<number, number>();
    for (const turn of turns) {
      const shared = Math.min(text.end, turn.end) - Math.max(text.start, turn.start);
      if (shared > 0) talking.set(turn.speaker, (talking.get(turn.speaker) ?? 0) + shared);
    }
    // The one who talks while it shows; a range's edges (half a frame step either side) may
    // touch the turns around it without anyone else really talking.
    const [only, ...others] = [...talking].sort((a, b) => b[1] - a[1]);
    const shown = Math.max(text.end - text.start, 0.5);
    const aside = Math.max(0.5, shown / 10);
    if (only && only[1] >= shown / 2 && others.every(([, seconds]) => seconds <= aside))
      offer({
        speaker: only[0],
        name: asName(tag),
        why: 'on screen',
        at: text.start,
        evidence: tag,
      });
  }
  for (const line of said) {
    const match = INTRODUCTION.exec(line.text);
    const name = match?.[1];
    const speaker = line.speaker ?? speakerOf(turns, line.start, line.end);
    if (!name || speaker === null || NOT_NAMES.has(name.split(/\s/)[0]!.toLowerCase())) continue;
    offer({ speaker, name, why: 'introduced', at: line.start, evidence: line.text.trim() });
  }
  return found;
}
