/** A time the question points at, in video seconds, or relative to something that happens. */
export type TimeReference =
  | { kind: 'moment'; t: number; text: string }
  | { kind: 'range'; start: number; end: number; text: string }
  | { kind: 'relative'; relation: 'before' | 'after'; anchor: string; text: string };

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  half: 0.5,
};

const UNIT_SECONDS: Record<string, number> = {
  s: 1,
  sec: 1,
  second: 1,
  min: 60,
  minute: 60,
  h: 3600,
  hour: 3600,
};

/** "2:30", "1:02:03" or "90 seconds", "2 minutes", "half a minute" */
const CLOCK = String.raw`\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?`;
const AMOUNT = String.raw`(?:\d+(?:\.\d+)?|${Object.keys(NUMBER_WORDS).join('|')})(?:\s+an?)?\s*(?:s|secs?|seconds?|mins?|minutes?|h|hours?)\b`;
const TIME = `(?:${CLOCK}|${AMOUNT})`;

/** Seconds of "2:30", "1:02:03", "90 seconds", "2 minutes", "half a minute"; null otherwise. */
export function parseTime(text: string): number | null {
  const value = text.trim().toLowerCase();
  if (/^\d/.test(value) && value.includes(':')) {
    const parts = value.split(':').map(Number);
    if (parts.some((p) => !Number.isFinite(p)) || parts.slice(1).some((p) => p >= 60)) return null;
    return parts.reduce((total, part) => total * 60 + part, 0);
  }
  const match = /^(\S+)(?:\s+an?)?\s*([a-z]+)$/.exec(value);
  if (!match) return null;
  const [, amount = '', unit = ''] = match;
  const count = NUMBER_WORDS[amount] ?? Number(amount);
  const seconds = UNIT_SECONDS[unit.replace(/s$/, '')] ?? UNIT_SECONDS[unit];
  return Number.isFinite(count) && seconds ? count * seconds : null;
}

/** Fraction-of-the-video phrases: where in the video they point, as [from, to] shares. */
const SPANS: [RegExp, number, number][] = [
  [
    /\b(?:near|towards?|at|by|close to) the (?:very )?end\b|\bend of the video\b|\bat the end\b/i,
    0.8,
    1,
  ],
  [
    /\b(?:at|in|near|towards?) the (?:very )?(?:beginning|start)\b|\bat first\b|\bopening\b/i,
    0,
    0.2,
  ],
  [/\b(?:in|around) the middle\b|\bhalfway\b/i, 0.4, 0.6],
  [/\bfirst half\b/i, 0, 0.5],
  [/\bsecond half\b/i, 0.5, 1],
];

/**
 * The time references in a question: clock times and durations ("at 2:30", "1:02:03", "at 90
 * seconds"), spans ("in the first minute", "the last 2 minutes", "between 1:00 and 2:00", "near
 * the end") and relations to an event ("after the bus scene"), in order of appearance. Spans
 * need the video's duration to be placed.
 */
export function parseTimeReferences(question: string, duration: number): TimeReference[] {
  const found: { at: number; ref: TimeReference }[] = [];
  let rest = question;
  const take = (pattern: RegExp, make: (m: RegExpExecArray) => TimeReference | null) => {
    for (const match of rest.matchAll(new RegExp(pattern.source, 'gi'))) {
      const ref = make(match);
      if (!ref) continue;
      found.push({ at: match.index, ref });
      // Blank out what was read so a range's ends aren't read again as moments.
      rest =
        rest.slice(0, match.index) +
        ' '.repeat(match[0].length) +
        rest.slice(match.index + match[0].length);
    }
  };
  const clamp = (t: number) => Math.min(duration, Math.max(0, t));
  take(
    new RegExp(`\\b(?:between|from)\\s+(${TIME})\\s+(?:and|to|until|till)\\s+(${TIME})`),
    (m) => {
      const [a, b] = [parseTime(m[1] ?? ''), parseTime(m[2] ?? '')];
      return a === null || b === null
        ? null
        : { kind: 'range', start: clamp(Math.min(a, b)), end: clamp(Math.max(a, b)), text: m[0] };
    },
  );
  const count = `\\d+(?:\\.\\d+)?|${Object.keys(NUMBER_WORDS).join('|')}`;
  take(
    new RegExp(
      `\\b(first|last|final)\\s+(?:(${count})\\s+)?(secs?|seconds?|mins?|minutes?|hours?)\\b`,
    ),
    (m) => {
      const span = parseTime(`${m[2] ?? '1'} ${m[3] ?? ''}`);
      if (span === null) return null;
      const fromStart = m[1]?.toLowerCase() === 'first';
      return {
        kind: 'range',
        start: fromStart ? 0 : clamp(duration - span),
        end: fromStart ? clamp(span) : duration,
        text: m[0],
      };
    },
  );
  take(new RegExp(`\\b(before|after|until|since)\\s+(${TIME})`), (m) => {
    const t = parseTime(m[2] ?? '');
    if (t === null) return null;
    const before = ['before', 'until'].includes(m[1]?.toLowerCase() ?? '');
    return {
      kind: 'range',
      start: before ? 0 : clamp(t),
      end: before ? clamp(t) : duration,
      text: m[0],
    };
  });
  take(
    /\b(before|after)\s+(?:the|that|this)\s+([a-z][a-z -]*?)(?:\s+(?:scene|part|section|shot|segment|slide|moment|appears?|is shown|shows up|comes?))?(?=[?.,!]|$)/,
    (m) => ({
      kind: 'relative',
      relation: m[1]?.toLowerCase() === 'before' ? 'before' : 'after',
      anchor: (m[2] ?? '').trim(),
      text: m[0],
    }),
  );
  for (const [pattern, from, to] of SPANS)
    take(pattern, (m) => ({
      kind: 'range',
      start: from * duration,
      end: to * duration,
      text: m[0],
    }));
  take(new RegExp(`(?:\\b(?:at|around|about|near)\\s+)?(${TIME})`), (m) => {
    const t = parseTime(m[1] ?? '');
    return t === null ? null : { kind: 'moment', t: clamp(t), text: m[0].trim() };
  });
  return found.sort((a, b) => a.at - b.at).map(({ ref }) => ref);
}
