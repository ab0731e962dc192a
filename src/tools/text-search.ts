import { listEmbeddings, type EmbeddingSource, type StageName, type VideoRecord } from '../db';
import { stagesDone } from './scope';
import { rankHybrid, type RankedDoc, type SearchDoc } from './text/hybrid-rank';
import type { QueryVector, ToolContext } from './tool';

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

/** Loads the passages of every video in scope, each with its stored vector and that vector's model. */
async function collectDocs<Item>(
  spec: TextSearch<Item>,
  videos: VideoRecord[],
  context: ToolContext,
  notes: string[],
): Promise<{ doc: SearchDoc<Found<Item>>; model: string | null }[]> {
  const entries: { doc: SearchDoc<Found<Item>>; model: string | null }[] = [];
  for (const video of videos) {
    const [passages, vectors, done] = await Promise.all([
      spec.load(video, context),
      listEmbeddings(video.id, spec.source, context.db),
      stagesDone(video.id, [spec.stage], context),
    ]);
    if (!done.has(spec.stage))
      notes.push(`The ${spec.what} of "${video.name}" is not complete yet (still processing).`);
    const byKey = new Map(vectors.map((row) => [row.key, row]));
    for (const { key, text, item } of passages) {
      const row = byKey.get(key);
      entries.push({
        doc: { item: { ...item, video_id: video.id }, text, vector: row },
        model: row?.model ?? null,
      });
    }
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
