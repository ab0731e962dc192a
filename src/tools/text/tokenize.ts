import { stemmer } from 'stemmer';
import { tokens } from '../../shared/word-runs';

/** Words too common to tell passages apart. */
const STOPWORDS = new Set(
  (
    'a an and are as at be but by do does did for from had has have he her him his how i if in ' +
    'into is it its me my no not of on or our she so than that the their them then there these ' +
    'they this those to us was we were what when where which who why will with you your'
  ).split(' '),
);

/**
 * Plural forms Porter stemming leaves apart from their singular ("buses" → "buse" but "bus" →
 * "bu"; "ties" → "ti" but "tie" → "tie"), folded first so the two find each other.
 */
function singularize(word: string): string {
  if (/(ss|x|z|ch|sh|us)es$/.test(word)) return word.slice(0, -2);
  if (/^[a-z]{1,2}ies$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Lower-cased words without diacritics, split on anything that isn't a letter or digit. */
export const words = tokens;

/** Search terms of a text: words without stopwords, singular, Porter-stemmed. */
export function terms(text: string): string[] {
  return words(text)
    .filter((word) => !STOPWORDS.has(word))
    .map((word) => stemmer(singularize(word)));
}
