import { terms } from './tokenize';

/** Okapi BM25's usual constants: term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;

/**
 * BM25 scores of `query` against each document (0 where no query term occurs). Documents are
 * short (a segment, a caption, a line of text), so the index is rebuilt per call: tokenising a
 * few thousand of them takes a millisecond or two.
 */
export function bm25Scores(query: string, documents: string[]): number[] {
  const queryTerms = [...new Set(terms(query))];
  if (queryTerms.length === 0 || documents.length === 0) return documents.map(() => 0);
  const docs = documents.map((text) => terms(text));
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
