import { bm25Scores, type TermIndex } from './bm25';
import { cosineAt, differingSigns, querySigns, type PackedVectors } from './packed-vectors';
import type { QueryVector } from '../tool';
import { terms } from './tokenize';

/** One video's passages of one kind, indexed for search once and kept until its index changes. */
export interface SearchCorpus<Item> {
  items: Item[];
  terms: TermIndex;
  /** The passages' sentence vectors, when the embeddings stage has stored them. */
  vectors: PackedVectors | null;
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

/**
 * Up to this many passages in scope (a video has a few thousand) every vector is scored exactly.
 * Above it (a library-wide search) a coarse pass estimates each cosine from sign bits, and only
 * the best candidates of that pass are scored exactly: the exact scan of 100 hours' vectors alone
 * would take longer than the whole search may.
 */
export const EXACT_SCAN_UP_TO = 40_000;

/** Candidates of the coarse pass scored exactly, at least. */
const MIN_CANDIDATES = 512;

/** The `size` best of what is offered, best first; equal scores keep the order offered. */
class Best {
  readonly scores: number[] = [];
  readonly keys: number[] = [];
  constructor(private readonly size: number) {}

  /** Scores at or below this can't get in (-1 while there is room). */
  get floor(): number {
    return this.scores.length < this.size ? -1 : (this.scores[this.scores.length - 1] ?? 0);
  }

  offer(score: number, key: number): void {
    const { scores, keys } = this;
    if (scores.length === this.size && score <= (scores[scores.length - 1] ?? 0)) return;
    let at = scores.length;
    while (at > 0 && (scores[at - 1] ?? 0) < score) at--;
    scores.splice(at, 0, score);
    keys.splice(at, 0, key);
    if (scores.length > this.size) {
      scores.pop();
      keys.pop();
    }
  }
}

/** Where each corpus's passages start in the one numbering of the scope (document order). */
function offsets(corpora: SearchCorpus<unknown>[]): number[] {
  const starts: number[] = [];
  let next = 0;
  for (const corpus of corpora) {
    starts.push(next);
    next += corpus.items.length;
  }
  return [...starts, next];
}

/** Per corpus, the index of the query's model among its vectors' models (-1: none comparable). */
function comparableModel(corpus: SearchCorpus<unknown>, query: QueryVector | null): number {
  const packed = corpus.vectors;
  if (!query || !packed || packed.dims !== query.vector.length) return -1;
  return packed.models.indexOf(query.model);
}

/**
 * The coarse pass of a large scope: every passage's score with its cosine estimated from sign
 * bits (`differingSigns`), the `size` best kept, as scope-wide keys in document order. The
 * scope's hot loop, so written flat.
 */
function coarseCandidates(
  corpora: SearchCorpus<unknown>[],
  keyword: (Float64Array | null)[],
  best: number,
  models: number[],
  query: QueryVector,
  size: number,
): number[] {
  const signs = querySigns(query.vector);
  const dims = query.vector.length;
  const cosOf = Float64Array.from({ length: dims + 1 }, (_, d) =>
    Math.max(0, Math.cos((Math.PI * d) / dims)),
  );
  const scale = best > 0 ? 1 / best : 0;
  const coarse = new Best(size);
  let start = 0;
  corpora.forEach((corpus, c) => {
    const kw = keyword[c] ?? null;
    const packed = corpus.vectors;
    const model = models[c] ?? -1;
    for (let doc = 0; doc < corpus.items.length; doc++) {
      let estimate = kw ? (kw[doc] ?? 0) * scale : 0;
      if (packed && model >= 0 && packed.modelOf[doc] === model)
        estimate = (estimate + (cosOf[differingSigns(packed, doc, signs)] ?? 0)) / 2;
      if (estimate > coarse.floor) coarse.offer(estimate, start + doc);
    }
    start += corpus.items.length;
  });
  return coarse.keys.sort((a, b) => a - b);
}

/**
 * Hybrid ranking: BM25 over stemmed words finds exact terms (names, numbers), the sentence
 * vectors find paraphrases ("automobile" for "car"). Passages whose vector is of another model
 * than the query's are ranked by words alone. Best first; ties keep document order.
 */
export function rankHybrid<Item>(
  query: string,
  corpora: SearchCorpus<Item>[],
  queryVector: QueryVector | null,
  topK: number,
  { exactUpTo = EXACT_SCAN_UP_TO }: { exactUpTo?: number } = {},
): RankedDoc<Item>[] {
  const keyword = bm25Scores(
    terms(query),
    corpora.map((corpus) => corpus.terms),
  );
  let best = 0;
  for (const scores of keyword) if (scores) for (const s of scores) if (s > best) best = s;
  const starts = offsets(corpora);
  const models = corpora.map((corpus) => comparableModel(corpus, queryVector));
  const total = starts[starts.length - 1] ?? 0;
  const exact = total <= exactUpTo;

  const keywordAt = (c: number, doc: number) => (best > 0 ? (keyword[c]?.[doc] ?? 0) / best : 0);
  const hasVector = (c: number, doc: number) => {
    const model = models[c] ?? -1;
    return model >= 0 && corpora[c]?.vectors?.modelOf[doc] === model;
  };

  // Which passages get an exact score: all of them, or the coarse pass's best candidates.
  const candidates =
    !exact && queryVector
      ? coarseCandidates(
          corpora,
          keyword,
          best,
          models,
          queryVector,
          Math.max(MIN_CANDIDATES, topK * 20),
        )
      : null;

  const cosineOf = (c: number, doc: number) => {
    const packed = corpora[c]?.vectors;
    return packed && queryVector && hasVector(c, doc)
      ? cosineAt(packed, doc, queryVector.vector)
      : null;
  };
  const ranked = new Best(topK);
  const score = (c: number, doc: number, key: number) => {
    const kw = keywordAt(c, doc);
    const cosine = cosineOf(c, doc);
    if (kw <= 0 && (cosine ?? 0) < MIN_SEMANTIC) return;
    ranked.offer(cosine === null ? kw : (kw + cosine) / 2, key);
  };
  if (candidates) {
    let c = 0;
    for (const key of candidates) {
      while (key >= (starts[c + 1] ?? Infinity)) c++;
      score(c, key - (starts[c] ?? 0), key);
    }
  } else {
    corpora.forEach((corpus, c) => {
      for (let doc = 0; doc < corpus.items.length; doc++) score(c, doc, (starts[c] ?? 0) + doc);
    });
  }

  return ranked.keys.map((key, i) => {
    let c = 0;
    while (key >= (starts[c + 1] ?? Infinity)) c++;
    const doc = key - (starts[c] ?? 0);
    return {
      item: corpora[c]?.items[doc] as Item,
      score: ranked.scores[i] ?? 0,
      keyword: keywordAt(c, doc),
      semantic: cosineOf(c, doc),
    };
  });
}
