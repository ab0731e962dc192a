import { listEmbeddings, type EmbeddingSource, type StageName, type VideoRecord } from '../db';
import { indexTerms, termIndexBytes } from './text/bm25';
import { rankHybrid, type RankedDoc, type SearchCorpus } from './text/hybrid-rank';
import { packedBytes, packVectors } from './text/packed-vectors';
import { terms } from './text/tokenize';
import type { ToolContext } from './tool';
import { memoByVersion, stageDone, type IndexVersion, withVersions } from './versioned-memo';

/** A passage of one video, keyed as the embeddings stage keys its vector. */
export interface Passage<Item> {
  key: string;
  text: string;
  item: Item;
}

export interface TextSearch<Item> {
  source: Exclude<EmbeddingSource, 'frame'>;
  /** The stage that writes the passages, and words for what they are. */
  stage: StageName;
  what: string;
  load: (video: VideoRecord, context: ToolContext) => Promise<Passage<Item>[]>;
}

export interface TextSearchResult<Item> {
  ranked: RankedDoc<Found<Item>>[];
  mode: 'hybrid' | 'keyword';
  /** What limits the answer: stages not done yet, semantic search unavailable. */
  notes: string[];
}

type Found<Item> = Item & { video_id: string };

/** One video's passages, indexed by term and with their stored vectors packed. */
async function loadCorpus<Item>(
  spec: TextSearch<Item>,
  video: VideoRecord,
  context: ToolContext,
): Promise<SearchCorpus<Found<Item>>> {
  const [passages, vectors] = await Promise.all([
    spec.load(video, context),
    listEmbeddings(video.id, spec.source, context.db),
  ]);
  const byKey = new Map(vectors.map((row) => [row.key, row]));
  return {
    items: passages.map(({ item }) => ({ ...item, video_id: video.id })),
    terms: indexTerms(passages.map(({ text }) => terms(text))),
    vectors: packVectors(
      passages.map(({ key }) => {
        const row = byKey.get(key);
        return row ? { vector: { values: row.values, scale: row.scale }, model: row.model } : null;
      }),
    ),
  };
}

/** Roughly what a kept corpus costs in memory (its passages' texts are most of the rest). */
function corpusBytes(corpus: SearchCorpus<unknown>): number {
  let bytes = termIndexBytes(corpus.terms) + packedBytes(corpus.vectors);
  for (const item of corpus.items) bytes += 96 + JSON.stringify(item).length * 2;
  return bytes;
}

/** The passages of every video in scope (each video's corpus kept until its index changes). */
async function collectCorpora<Item>(
  spec: TextSearch<Item>,
  scoped: [VideoRecord, IndexVersion][],
  context: ToolContext,
  notes: string[],
): Promise<SearchCorpus<Found<Item>>[]> {
  return Promise.all(
    scoped.map(([video, version]) => {
      if (!stageDone(version, spec.stage))
        notes.push(`The ${spec.what} of "${video.name}" is not complete yet (still processing).`);
      const key = `${context.db.name}|${video.id}|${spec.source}`;
      return memoByVersion(
        key,
        version.version,
        () => loadCorpus(spec, video, context),
        corpusBytes,
      );
    }),
  );
}

/**
 * Hybrid search over one kind of passage (transcript segments, captions…) of the videos in
 * scope: keywords always, sentence vectors when stored and the query model loads. Without them
 * the search degrades to keywords and says so in `notes`.
 */
export async function searchTexts<Item>(
  spec: TextSearch<Item>,
  query: string,
  topK: number,
  videos: VideoRecord[],
  context: ToolContext,
): Promise<TextSearchResult<Item>> {
  const notes: string[] = [];
  const scoped = await withVersions(videos, context);
  const embed = () =>
    context.embedQuery(query, 'text').then(
      (vector) => ({ vector, error: null }),
      (error: unknown) => ({ vector: null, error }),
    );
  // Where vectors are stored, the query's is made while the corpora are read (a library-wide
  // search spends most of its wait on it); else only if some corpus turns out to have vectors.
  const early = scoped.some(([, version]) => stageDone(version, 'embeddings')) ? embed() : null;
  const corpora = await collectCorpora(spec, scoped, context, notes);
  const hasVectors = corpora.some((corpus) => corpus.vectors !== null);
  const embedded = hasVectors ? (early ?? embed()) : null;
  const { vector: queryVector, error } = (await embedded) ?? { vector: null, error: null };
  if (error !== null)
    notes.push(`Meaning-based search is unavailable (${String(error)}); matched words only.`);
  const ranked = rankHybrid(query, corpora, queryVector, topK);
  return { ranked, mode: queryVector ? 'hybrid' : 'keyword', notes };
}

/** Rounds a score for display to the agent (four decimals are plenty to rank by). */
export function round(score: number): number {
  return Math.round(score * 10_000) / 10_000;
}
