/** Okapi BM25's usual constants: term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;

/** The passages one term occurs in (ascending), and how often in each. */
export interface Postings {
  docs: Uint32Array;
  counts: Uint16Array;
}

/**
 * A set of passages (one video's transcript, its captions…) indexed by term once, so a search
 * touches only the passages that share a word with the query, not every passage.
 */
export interface TermIndex {
  /** Terms per passage: BM25's document length. */
  lengths: Uint32Array;
  totalLength: number;
  postings: Map<string, Postings>;
}

/** Indexes passages given as their terms (from `terms()`). */
export function indexTerms(docs: string[][]): TermIndex {
  const lists = new Map<string, { docs: number[]; counts: number[] }>();
  const lengths = new Uint32Array(docs.length);
  let totalLength = 0;
  docs.forEach((terms, doc) => {
    lengths[doc] = terms.length;
    totalLength += terms.length;
    for (const term of terms) {
      let list = lists.get(term);
      if (!list) lists.set(term, (list = { docs: [], counts: [] }));
      const last = list.docs.length - 1;
      if (list.docs[last] === doc) list.counts[last] = (list.counts[last] ?? 0) + 1;
      else {
        list.docs.push(doc);
        list.counts.push(1);
      }
    }
  });
  const postings = new Map<string, Postings>();
  for (const [term, list] of lists)
    postings.set(term, {
      docs: Uint32Array.from(list.docs),
      counts: Uint16Array.from(list.counts),
    });
  return { lengths, totalLength, postings };
}

/** Bytes an index holds (for the memory budget of kept corpora). */
export function termIndexBytes(index: TermIndex): number {
  let bytes = index.lengths.byteLength;
  for (const [term, list] of index.postings)
    bytes += term.length * 2 + list.docs.byteLength + list.counts.byteLength + 64;
  return bytes;
}

/**
 * BM25 scores of a query's terms against the passages of several indexes ranked on one scale:
 * document count, average length and document frequency are over all of them, so a search across
 * videos ranks them together. Per index, a score per passage (0 where no query term occurs), or
 * null when none occurs in that index.
 */
export function bm25Scores(query: string[], indexes: TermIndex[]): (Float64Array | null)[] {
  const queryTerms = [...new Set(query)];
  const count = indexes.reduce((sum, index) => sum + index.lengths.length, 0);
  if (queryTerms.length === 0 || count === 0) return indexes.map(() => null);
  const averageLength = indexes.reduce((sum, index) => sum + index.totalLength, 0) / count || 1;
  const idf = queryTerms.map((term) => {
    const n = indexes.reduce((sum, index) => sum + (index.postings.get(term)?.docs.length ?? 0), 0);
    return n === 0 ? 0 : Math.log(1 + (count - n + 0.5) / (n + 0.5));
  });
  return indexes.map((index) => {
    const { lengths } = index;
    let scores: Float64Array | null = null;
    queryTerms.forEach((term, i) => {
      const list = index.postings.get(term);
      if (!list) return;
      const into = (scores ??= new Float64Array(lengths.length));
      const { docs, counts } = list;
      const weight = (idf[i] ?? 0) * (K1 + 1);
      // The hot loop of a library-wide search: every passage holding a query term.
      for (let p = 0; p < docs.length; p++) {
        const doc = docs[p] as number;
        const frequency = counts[p] as number;
        const norm = 1 - B + (B * (lengths[doc] as number)) / averageLength;
        into[doc] = (into[doc] as number) + (weight * frequency) / (frequency + K1 * norm);
      }
    });
    return scores;
  });
}
