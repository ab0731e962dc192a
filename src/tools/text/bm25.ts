/** Okapi BM25's usual constants: term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;

/**
 * BM25 scores of a query's terms against each document's terms (0 where no query term occurs).
 * Both sides come from `terms()`, so documents can be tokenised once and searched many times.
 */
export function bm25Scores(query: string[], docs: string[][]): number[] {
  const queryTerms = [...new Set(query)];
  if (queryTerms.length === 0 || docs.length === 0) return docs.map(() => 0);
  const averageLength = docs.reduce((sum, doc) => sum + doc.length, 0) / docs.length || 1;
  const documentFrequency = new Map<string, number>();
  for (const doc of docs) {
    for (const term of new Set(doc)) {
      if (queryTerms.includes(term))
        documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
  }
  return docs.map((doc) => {
    let score = 0;
    for (const term of queryTerms) {
      const n = documentFrequency.get(term) ?? 0;
      if (n === 0) continue;
      const frequency = doc.filter((t) => t === term).length;
      if (frequency === 0) continue;
      const idf = Math.log(1 + (docs.length - n + 0.5) / (n + 0.5));
      score +=
        (idf * frequency * (K1 + 1)) /
        (frequency + K1 * (1 - B + (B * doc.length) / averageLength));
    }
    return score;
  });
}
