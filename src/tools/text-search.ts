import { listEmbeddings, type EmbeddingSource, type StageName, type VideoRecord } from '../db';
import { rankHybrid, type RankedDoc, type SearchDoc } from './text/hybrid-rank';
import { toBm25Doc } from './text/bm25';
import { terms } from './text/tokenize';
import type { QueryVector, ToolContext } from './tool';
import { indexVersion, memoByVersion } from './versioned-memo';

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

interface Entry<Item> {
  doc: SearchDoc<Found<Item>>;
  /** The model of the passage's stored vector, or null without one. */
  model: string | null;
}

/** One video's passages, tokenised and paired with their stored vectors. */
async function loadCorpus<Item>(
  spec: TextSearch<Item>,
  video: VideoRecord,
  context: ToolContext,
): Promise<Entry<Item>[]> {
  const [passages, vectors] = await Promise.all([
    spec.load(video, context),
    listEmbeddings(video.id, spec.source, context.db),
  ]);
  const byKey = new Map(vectors.map((row) => [row.key, row]));
  return passages.map(({ key, text, item }) => {
    const row = byKey.get(key);
    const vector = row ? { values: row.values, scale: row.scale } : undefined;
    return {
      doc: { item: { ...item, video_id: video.id }, bm25: toBm25Doc(terms(text)), vector },
      model: row?.model ?? null,
    };
  });
}

/** The passages of every video in scope (each video's corpus kept until its index changes). */
async function collectDocs<Item>(
  spec: TextSearch<Item>,
  videos: VideoRecord[],
  context: ToolContext,
  notes: string[],
): Promise<Entry<Item>[]> {
  const entries: Entry<Item>[] = [];
  for (const video of videos) {
    const { version, stages } = await indexVersion(video.id, context);
    if (!stages.some((row) => row.stage === spec.stage && row.state === 'done'))
      notes.push(`The ${spec.what} of "${video.name}" is not complete yet (still processing).`);
    const key = `${context.db.name}|${video.id}|${spec.source}`;
    entries.push(...(await memoByVersion(key, version, () => loadCorpus(spec, video, context))));
  }
  return entries;
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
  const entries = await collectDocs(spec, videos, context, notes);
  let queryVector: QueryVector | null = null;
  if (entries.some((entry) => entry.model !== null)) {
    try {
      queryVector = await context.embedQuery(query, 'text');
    } catch (error) {
      notes.push(`Meaning-based search is unavailable (${String(error)}); matched words only.`);
    }
  }
  // Vectors of another model than the query's are not comparable: rank those passages by words.
  const docs = entries.map(({ doc, model }) =>
    queryVector && model === queryVector.model ? doc : { ...doc, vector: undefined },
  );
  const ranked = rankHybrid(query, docs, queryVector?.vector ?? null, topK);
  return { ranked, mode: queryVector ? 'hybrid' : 'keyword', notes };
}

/** Rounds a score for display to the agent (four decimals are plenty to rank by). */
export function round(score: number): number {
  return Math.round(score * 10_000) / 10_000;
}
