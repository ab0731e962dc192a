import { Dexie } from 'dexie';
import { db as defaultDb } from './connection';
import type { BriDatabase, FrameRecord, TranscriptChunkRecord } from './schema';
import { clearToolResults } from './tool-results';
import { validateRows } from './validate-rows';

/**
 * Rows written for a span a question asked about before the stages got there ("span first",
 * src/pipeline/span-first.ts): frames marked `reason: 'span'`, and transcript chunks whose lineage
 * names the span. They are real results, read by the tools like any other, and give way to the
 * stages' own: the frames stage drops span frames (and the model rows made from them) as it
 * finishes; a transcript chunk the stage writes replaces the span chunks it overlaps.
 */

/** A transcript chunk written for a span, not by the transcript stage. */
export const isSpanChunk = (chunk: Pick<TranscriptChunkRecord, 'lineage'>): boolean =>
  chunk.lineage.parameters.span !== undefined;

/**
 * Stores a frame sampled for a span, unless the frames stage has finished meanwhile (its own
 * frames are there then, and nothing would drop this one). Returns whether it was stored.
 */
export async function putSpanFrame(
  frame: FrameRecord & { reason: 'span' },
  database: BriDatabase = defaultDb,
): Promise<boolean> {
  await validateRows('frames', [frame], database);
  return database.transaction('rw', [database.frames, database.stages], async () => {
    const stage = await database.stages.get([frame.videoId, 'frames']);
    if (stage?.state === 'done') return false;
    await database.frames.put(frame);
    return true;
  });
}

/**
 * Deletes a video's span frames and the detections, on-screen text and captions made from them.
 * Call inside a transaction over those four tables (the frames stage's finish).
 */
export async function dropSpanFrames(videoId: string, database: BriDatabase): Promise<void> {
  const spanFrames = await database.frames
    .where('videoId')
    .equals(videoId)
    .filter((frame) => frame.reason === 'span')
    .primaryKeys();
  if (spanFrames.length === 0) return;
  await database.frames.bulkDelete(spanFrames);
  for (const table of [database.detections, database.onScreenText, database.captions])
    await table.bulkDelete(spanFrames);
}

/** Deletes one transcript chunk and its segments (inside a transaction over both tables). */
async function dropChunk(videoId: string, start: number, database: BriDatabase): Promise<void> {
  await database.transcriptSegments
    .where('[videoId+chunkStart+index]')
    .between([videoId, start, Dexie.minKey], [videoId, start, Dexie.maxKey], true, true)
    .delete();
  await database.transcriptChunks.delete([videoId, start]);
}

/**
 * Deletes the span chunks that overlap `within` (all of them without it), with their segments.
 * Call inside a transaction over transcriptChunks and transcriptSegments.
 */
export async function dropSpanChunks(
  videoId: string,
  database: BriDatabase,
  within?: { start: number; end: number },
): Promise<void> {
  const chunks = await database.transcriptChunks.where('videoId').equals(videoId).toArray();
  for (const chunk of chunks.filter(isSpanChunk)) {
    if (within && (chunk.end <= within.start || chunk.start >= within.end)) continue;
    await dropChunk(videoId, chunk.start, database);
  }
}

/** Deletes every span chunk of a video (the transcript stage ends or resumes without them). */
export async function dropSpanTranscript(
  videoId: string,
  database: BriDatabase = defaultDb,
): Promise<void> {
  await database.transaction(
    'rw',
    [database.transcriptChunks, database.transcriptSegments, database.toolResults],
    async () => {
      await dropSpanChunks(videoId, database);
      await clearToolResults(videoId, database);
    },
  );
}

/**
 * Marks the video's unfinished stage rows as changed (their `updatedAt`), so cached tool results
 * and search corpora built before a span's rows were written are not served again.
 */
export async function touchUnfinishedStages(
  videoId: string,
  database: BriDatabase = defaultDb,
): Promise<void> {
  await database.transaction('rw', [database.stages, database.toolResults], async () => {
    const rows = await database.stages.where('videoId').equals(videoId).toArray();
    const now = Date.now();
    for (const row of rows)
      if (row.state !== 'done' && row.state !== 'skipped')
        await database.stages.put({ ...row, updatedAt: Math.max(now, row.updatedAt + 1) });
    await clearToolResults(videoId, database);
  });
}
