/**
 * Greedy CTC decoding of a recogniser's output: the best class per time step, repeats collapsed,
 * blanks (class 0) dropped. `charset[i]` is the character of class i (charset[0] is the blank).
 * The score is the mean probability of the characters kept (0 when nothing was read).
 */
export function decodeCtc(
  probabilities: Float32Array,
  steps: number,
  classes: number,
  charset: readonly string[],
): { text: string; score: number } {
  let text = '';
  let total = 0;
  let kept = 0;
  let previous = -1;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let bestScore = -Infinity;
    for (let c = 0; c < classes; c++) {
      const p = probabilities[t * classes + c] ?? 0;
      if (p > bestScore) {
        bestScore = p;
        best = c;
      }
    }
    if (best !== 0 && best !== previous) {
      text += charset[best] ?? '';
      total += bestScore;
      kept++;
    }
    previous = best;
  }
  return { text: text.trim(), score: kept ? total / kept : 0 };
}

/** PaddleOCR's character list: blank, the dictionary's lines, then a space. */
export function paddleCharset(dictionary: string): string[] {
  const lines = dictionary.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return ['', ...lines, ' '];
}
