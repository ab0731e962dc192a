/** Okapi BM25's usual constants: term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;

/** A document's terms counted once, so searches don't re-count them on every query. */
export interface Bm25Doc {
  length: number;
  frequency: Map<string, number>;
}

/** Counts a document's terms (from `terms()`). */
export function toBm25Doc(terms: string[]): Bm25Doc {
  const frequency = new Map<string, number>();
  for (const term of terms) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  return { length: terms.length, frequency };
}

/**
 * BM25 scores of a query's terms against each document (0 where no query term occurs). The
 * document statistics (count, average length, document frequency) are over `docs`, so a search
 * across several videos ranks them on one scale.
 */
export function bm25Scores(query: string[], docs: Bm25Doc[]): number[] {
  const queryTerms = [...new Set(query)];
  if (queryTerms.length === 0 || docs.length === 0) return docs.map(() => 0);
  const averageLength = docs.reduce((sum, doc) => sum + doc.length, 0) / docs.length || 1;
  const idf = queryTerms.map((term) => {
    const n = docs.reduce((count, doc) => count + (doc.frequency.has(term) ? 1 : 0), 0);
    return n === 0 ? 0 : Math.log(1 + (docs.length - n + 0.5) / (n + 0.5));
  });
  return docs.map((doc) => {
    let score = 0;
    queryTerms.forEach((term, i) => {
      const frequency = doc.frequency.get(term) ?? 0;
      if (frequency === 0) return;
      score +=
        ((idf[i] ?? 0) * frequency * (K1 + 1)) /
        (frequency + K1 * (1 - B + (B * doc.length) / averageLength));
    });
    return score;
  });
}
