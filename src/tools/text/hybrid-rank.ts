import type { QuantizedVector } from '../../shared/vector-codec';
import { bm25Scores, type Bm25Doc } from './bm25';
import { terms } from './tokenize';

/** One searchable passage and, when the embeddings stage has run, its sentence vector. */
export interface SearchDoc<Item> {
  item: Item;
  /** The passage's search terms (`terms(text)`), counted once per corpus. */
  bm25: Bm25Doc;
  vector?: QuantizedVector;
}

export interface RankedDoc<Item> {
  item: Item;
  /** 0–1: the mean of the keyword and semantic scores (the keyword score alone without vectors). */
  score: number;
  /** BM25 relative to the best match of this search, 0–1. */
  keyword: number;
  /** Cosine similarity to the query (0 if negative), or null without vectors. */
  semantic: number | null;
}

/**
 * Below this cosine a passage that shares no word with the query is left out: sentence models
 * give unrelated English sentences around 0–0.3.
 */
export const MIN_SEMANTIC = 0.4;

function cosine(query: Float32Array, stored: QuantizedVector): number {
  if (stored.values.length !== query.length) return 0;
  let sum = 0;
  for (let i = 0; i < query.length; i++) sum += (query[i] ?? 0) * (stored.values[i] ?? 0);
  return Math.max(0, sum * stored.scale);
}

/**
 * Hybrid ranking: BM25 over stemmed words finds exact terms (names, numbers), the sentence
 * vectors find paraphrases ("automobile" for "car"). Best first; ties keep document order.
 */
export function rankHybrid<Item>(
  query: string,
  docs: SearchDoc<Item>[],
  queryVector: Float32Array | null,
  topK: number,
): RankedDoc<Item>[] {
  const keyword = bm25Scores(
    terms(query),
    docs.map((doc) => doc.bm25),
  );
  const best = Math.max(0, ...keyword);
  const ranked = docs.map((doc, i): RankedDoc<Item> & { order: number } => {
    const kw = best > 0 ? (keyword[i] ?? 0) / best : 0;
    const semantic = queryVector && doc.vector ? cosine(queryVector, doc.vector) : null;
    const score = semantic === null ? kw : (kw + semantic) / 2;
    return { item: doc.item, score, keyword: kw, semantic, order: i };
  });
  return ranked
    .filter((r) => r.keyword > 0 || (r.semantic ?? 0) >= MIN_SEMANTIC)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, topK)
    .map(({ item, score, keyword: kw, semantic }) => ({ item, score, keyword: kw, semantic }));
}
