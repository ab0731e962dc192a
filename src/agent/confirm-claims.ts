import {
  listCaptionsIn,
  listDetectionsIn,
  listOnScreenTextIn,
  listTranscriptIn,
  type BriDatabase,
} from '../db';
import { TIMESTAMP, formatTimestamp } from '../tools/moments';
import { cocoLabelsIn } from '../tools/object-labels';
import { words } from '../tools/text/tokenize';
import type { Citation } from './citations';

/** Seconds either side of a cited moment that still count as "there" (frames are ~2 s apart). */
const NEAR_S = 3;

/** A quotation in an answer: straight or curly double quotes, a few words to a sentence. */
export const QUOTE = /["“”]([^"“”\n]{2,300})["“”]/g;

/** Words that turn "a giraffe at [0:20]" into "no giraffe at [0:20]": nothing to confirm then. */
const NEGATION =
  /\b(no|not|never|none|without|nothing|nobody|isn't|aren't|wasn't|weren't|doesn't|don't|didn't)\b/i;

/**
 * "someone says", "a man explains": who is speaking is part of saying what was said, not a claim
 * that a person is in the picture there.
 */
const SPEAKER =
  /\b(?:someone|somebody|a (?:man|woman|person|speaker|voice)|the (?:speaker|narrator|man|woman|person)|he|she|they)\s+(?:says|said|asks|asked|speaks|spoke|explains|explained|mentions|mentioned|talks|talked)\b/gi;

/** A citation with what checking its claim found (and, when not confirmed, `why`). */
export type CheckedCitation = Citation & { confirmed: boolean };

/** What the index holds around one moment, as text to check claims against. */
interface MomentEvidence {
  /** Object labels the detector found there. */
  labels: Set<string>;
  /** Words of what was said there. */
  spoken: string[];
  /** Words of the captions and on-screen text there. */
  shown: string[];
}

async function evidenceAt(
  videoId: string,
  t: number,
  database: BriDatabase,
): Promise<MomentEvidence> {
  const window = { start: Math.max(0, t - NEAR_S), end: t + NEAR_S };
  const [segments, captions, detections, texts] = await Promise.all([
    listTranscriptIn(videoId, window, database),
    listCaptionsIn(videoId, window, database),
    listDetectionsIn(videoId, window, database),
    listOnScreenTextIn(videoId, window, database),
  ]);
  return {
    labels: new Set(detections.flatMap((row) => row.objects.map((o) => o.label))),
    spoken: words(segments.map((s) => s.text).join(' ')),
    shown: words(
      [...captions.map((c) => c.caption), ...texts.flatMap((r) => r.lines.map((l) => l.text))].join(
        ' ',
      ),
    ),
  };
}

/** Whether `needle`'s words occur in `haystack` in order, side by side. */
function containsRun(haystack: string[], needle: string[]): boolean {
  if (needle.length === 0) return true;
  for (let i = 0; i + needle.length <= haystack.length; i++)
    if (needle.every((word, j) => haystack[i + j] === word)) return true;
  return false;
}

/**
 * Where a sentence ends: a line break, or a full stop, ? or ! and spaces before a capital, a
 * digit, markup or a quote. The spaces are taken whole, as an atomic group would (`(?=(\s+))\1`):
 * with a backtracking `\s+` a long run of spaces not followed by a capital costs quadratic time.
 */
const SENTENCE_BREAK = /\n+|(?<=[.!?])(?=(\s+))\1(?=[A-Z0-9*[“"])/g;

/** The answer's sentences (split by hand: `split` would splice in the captured spaces). */
function sentencesOf(text: string): string[] {
  const sentences: string[] = [];
  let from = 0;
  for (const found of text.matchAll(SENTENCE_BREAK)) {
    sentences.push(text.slice(from, found.index));
    from = found.index + found[0].length;
  }
  sentences.push(text.slice(from));
  return sentences;
}
/** Markdown and spaces a sentence may open with (stripped first: one greedy, anchored class). */
const MARKUP_START = /^[\s*_>#-]+/;
/** What may stand before a label that opens its sentence ("At [0:20], …"). */
const OPENER = /^(?:at|around|from|by)?[\s,]*$/i;

/**
 * What the answer claims at `label`: in each sentence (a line, or up to a full stop, ? or !)
 * that cites it, the words between the previous moment cited (or the sentence's start) and the
 * label — "a bus at [0:05] and a giraffe at [0:20]" claims the giraffe at 0:20 only — or, for a
 * sentence that opens with the label ("At [0:20], a giraffe…"), the words after it.
 */
export function claimsAt(text: string, label: string): string[] {
  const claims: string[] = [];
  for (const sentence of sentencesOf(text)) {
    const parts = sentence.split(new RegExp(TIMESTAMP.source));
    const labels = [...sentence.matchAll(new RegExp(TIMESTAMP.source, 'g'))].map((m) => m[0]);
    // split() with capture groups interleaves them: keep only the text between moments.
    const pieces = parts.filter((_, i) => i % 4 === 0);
    labels.forEach((found, i) => {
      if (found !== label) return;
      const before = pieces[i] ?? '';
      const opens = i === 0 && OPENER.test(before.replace(MARKUP_START, ''));
      claims.push(opens ? (pieces[i + 1] ?? '') : before);
    });
  }
  return claims;
}

/** Why a claim about the moment does not hold there, or null when it does. */
function refute(sentence: string, at: MomentEvidence, where: string): string | null {
  const quotes = [...sentence.matchAll(QUOTE)].map((match) => match[1] ?? '');
  for (const quote of quotes) {
    const quoted = words(quote);
    if (!containsRun(at.spoken, quoted) && !containsRun(at.shown, quoted))
      return `“${quote}” is not said or shown ${where}`;
  }
  const claim = sentence.replace(QUOTE, ' ').replace(SPEAKER, ' ');
  if (NEGATION.test(claim)) return null;
  for (const label of cocoLabelsIn(claim)) {
    const named = words(label);
    const seen =
      at.labels.has(label) || containsRun(at.shown, named) || containsRun(at.spoken, named);
    if (!seen) return `no ${label} was detected, described or mentioned ${where}`;
  }
  return null;
}

/**
 * Re-checks each cited claim against the stored index around its moment (±3 s): words quoted
 * must be said (transcript) or shown (caption, on-screen text) there, and an object named must
 * have been detected, described or mentioned there. A sentence that denies ("no giraffe")
 * claims nothing to check. A citation whose claim fails stays in the answer as plain text,
 * marked "not confirmed" with the reason.
 */
export async function confirmClaims(
  text: string,
  citations: readonly Citation[],
  database: BriDatabase,
): Promise<CheckedCitation[]> {
  return Promise.all(
    citations.map(async (citation) => {
      const at = await evidenceAt(citation.video_id, citation.t, database);
      const where = `around ${formatTimestamp(citation.t).slice(1, -1)}`;
      for (const claim of claimsAt(text, citation.label)) {
        const why = refute(claim, at, where);
        if (why) return { ...citation, confirmed: false, why };
      }
      return { ...citation, confirmed: true };
    }),
  );
}
