/**
 * Finding a phrase in timed words: the transcript's words as normalised tokens, each with the
 * time of the word it came from, so a quote or a search lands on the first word's moment.
 */

/** A word as the transcript stores it (Whisper's text, often with a leading space). */
export interface TimedWord {
  text: string;
  start: number;
  end: number;
}

/** Lower-cased letters and digits without diacritics (the same split as the search's `words`). */
export function tokens(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/**
 * The first word (in order) where `phrase`'s tokens begin, side by side, across word boundaries
 * ("can't" is one word, two tokens); null when the phrase is not there or has no tokens.
 */
export function findWordRun(words: readonly TimedWord[], phrase: string): TimedWord | null {
  const wanted = tokens(phrase);
  if (wanted.length === 0) return null;
  const flat: { token: string; word: TimedWord }[] = [];
  for (const word of words) for (const token of tokens(word.text)) flat.push({ token, word });
  for (let i = 0; i + wanted.length <= flat.length; i++)
    if (wanted.every((token, j) => flat[i + j]?.token === token)) return flat[i]?.word ?? null;
  return null;
}

/**
 * The word being spoken at `t` in start-ordered words: the last one started by then (Whisper's
 * word ends are often the next word's start, or the same instant as its start), or -1.
 */
export function lastStartedWord(words: readonly TimedWord[], t: number): number {
  let found = -1;
  for (let i = 0; i < words.length && (words[i]?.start ?? Infinity) <= t; i++) found = i;
  return found;
}
