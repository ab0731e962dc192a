import type { Transaction } from 'dexie';
import type { TranscriptChunkRecord, TranscriptSegmentRecord } from './schema';

/**
 * Data upgrades that go with a schema version (schema.ts), each tested on a database written by
 * the version before it (tests/unit/db/upgrade.test.ts).
 */

/**
 * Version 11: a transcript written before version 7 has segments but no chunk rows, and today's
 * code reads the chunks for the transcript's progress, its language and how many segments it has.
 * Each chunk is rebuilt from its segments (those share `chunkStart`): the stretch they cover, how
 * many there are, their language and lineage.
 */
export async function chunksFromSegments(tx: Transaction): Promise<void> {
  const chunks = tx.table<TranscriptChunkRecord>('transcriptChunks');
  const byChunk = new Map<string, TranscriptSegmentRecord[]>();
  await tx.table<TranscriptSegmentRecord>('transcriptSegments').each((segment) => {
    const key = JSON.stringify([segment.videoId, segment.chunkStart]);
    byChunk.set(key, [...(byChunk.get(key) ?? []), segment]);
  });
  for (const segments of byChunk.values()) {
    const [first] = segments;
    if (!first) continue;
    if (await chunks.get([first.videoId, first.chunkStart])) continue;
    await chunks.put({
      videoId: first.videoId,
      start: first.chunkStart,
      end: Math.max(first.chunkStart, ...segments.map((s) => s.end)),
      segments: segments.length,
      language: first.language,
      lineage: first.lineage,
    });
  }
}
