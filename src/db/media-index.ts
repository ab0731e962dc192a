import { Dexie } from 'dexie';
import { db as defaultDb } from './connection';
import type { BriDatabase } from './schema';
import { clearToolResults } from './tool-results';
import { validateRecord, validateRows } from './validate-rows';
import { videoRows } from './video-rows';
import { dropSpanChunks, dropSpanFrames, isSpanChunk } from './span-rows';
import type {
  DetectionRecord,
  FrameRecord,
  ObjectTrackRecord,
  OnScreenTextRecord,
  TextRangeRecord,
  TranscriptSegmentRecord,
  TranscriptChunkRecord,
  CaptionRecord,
  EmbeddingRecord,
  EmbeddingSource,
  SceneRecord,
  SpeechRegionRecord,
  StageName,
  StageRecord,
} from './schema';

/** Rows each stage owns: cleared together before a re-run and after a cancel. */
const STAGE_TABLES: Record<
  StageName,
  (
    | 'frames'
    | 'scenes'
    | 'speechRegions'
    | 'detections'
    | 'objectTracks'
    | 'onScreenText'
    | 'textRanges'
    | 'transcriptSegments'
    | 'transcriptChunks'
    | 'captions'
    | 'embeddings'
  )[]
> = {
  frames: ['frames', 'scenes'],
  speech: ['speechRegions'],
  objects: ['detections', 'objectTracks'],
  text: ['onScreenText', 'textRanges'],
  transcript: ['transcriptSegments', 'transcriptChunks'],
  // Its one row also holds the speakers' names, which outlive a re-run (speaker-rows.ts).
  speakers: [],
  captions: ['captions'],
  embeddings: ['embeddings'],
};

/** Removes a stage's rows for one video in one transaction (re-runs then start clean). */
export async function clearStageRows(
  videoId: string,
  stage: StageName,
  database: BriDatabase = defaultDb,
): Promise<void> {
  const tables = STAGE_TABLES[stage].map((name) => database.table(name));
  await database.transaction('rw', [...tables, database.toolResults], async () => {
    for (const table of tables) await table.where('videoId').equals(videoId).delete();
    // Cached tool results were computed from these rows.
    await clearToolResults(videoId, database);
  });
}

export async function putFrame(
  frame: FrameRecord,
  database: BriDatabase = defaultDb,
): Promise<unknown> {
  await validateRows('frames', [frame], database);
  return database.frames.put(frame);
}

/**
 * Writes the scenes and marks the stage done, atomically; frames sampled for a question's span
 * (and what the models made of them) give way to the stage's own frames in the same step.
 */
export async function finishFramesStage(
  scenes: SceneRecord[],
  stage: StageRecord,
  database: BriDatabase = defaultDb,
): Promise<void> {
  await validateRows('scenes', scenes, database);
  const tables = [
    database.scenes,
    database.stages,
    database.frames,
    database.detections,
    database.onScreenText,
    database.captions,
  ];
  await database.transaction('rw', tables, async () => {
    await dropSpanFrames(stage.videoId, database);
    await database.scenes.bulkPut(scenes);
    await database.stages.put(stage);
  });
}

/** Writes the speech regions and marks the stage done, atomically. */
export async function finishSpeechStage(
  regions: SpeechRegionRecord[],
  stage: StageRecord,
  database: BriDatabase = defaultDb,
): Promise<void> {
  await validateRows('speechRegions', regions, database);
  await database.transaction('rw', [database.speechRegions, database.stages], async () => {
    await database.speechRegions.bulkPut(regions);
    await database.stages.put(stage);
  });
}

export async function putStage(
  stage: StageRecord,
  database: BriDatabase = defaultDb,
): Promise<unknown> {
  validateRecord('stages', stage);
  return database.stages.put(stage);
}

/**
 * Updates the progress or detail of a stage that is still running, atomically; returns the new
 * row, or null when the stage has meanwhile ended (a late progress write must never turn a
 * finished stage back into a running one).
 */
export async function patchRunningStage(
  videoId: string,
  stage: StageName,
  patch: Pick<Partial<StageRecord>, 'progress' | 'detail'>,
  database: BriDatabase = defaultDb,
): Promise<StageRecord | null> {
  return database.transaction('rw', database.stages, async () => {
    const row = await database.stages.get([videoId, stage]);
    if (row?.state !== 'running') return null;
    const next = { ...row, ...patch, updatedAt: Date.now() };
    await database.stages.put(next);
    return next;
  });
}

/**
 * Sets the detail of a stage that is still queued (a model loading ahead of it), atomically;
 * returns the new row, or null once the stage has started or ended (its own writes win).
 */
export async function patchQueuedStage(
  videoId: string,
  stage: StageName,
  detail: string,
  database: BriDatabase = defaultDb,
): Promise<StageRecord | null> {
  return database.transaction('rw', database.stages, async () => {
    const row = await database.stages.get([videoId, stage]);
    if (row?.state !== 'queued') return null;
    const next = { ...row, detail, updatedAt: Date.now() };
    await database.stages.put(next);
    return next;
  });
}

export function listStages(
  videoId: string,
  database: BriDatabase = defaultDb,
): Promise<StageRecord[]> {
  return database.stages.where('videoId').equals(videoId).toArray();
}

export function listAllStages(database: BriDatabase = defaultDb): Promise<StageRecord[]> {
  return database.stages.toArray();
}

/** Frames of a video in time order (compound key order). */
export function listFrames(
  videoId: string,
  database: BriDatabase = defaultDb,
): Promise<FrameRecord[]> {
  return videoRows(database.frames, '[videoId+t]', videoId);
}

export function listScenes(
  videoId: string,
  database: BriDatabase = defaultDb,
): Promise<SceneRecord[]> {
  return videoRows(database.scenes, '[videoId+index]', videoId);
}

export function listSpeechRegions(
  videoId: string,
  database: BriDatabase = defaultDb,
): Promise<SpeechRegionRecord[]> {
  return videoRows(database.speechRegions, '[videoId+start]', videoId);
}

export async function putDetections(
  row: DetectionRecord,
  database: BriDatabase = defaultDb,
): Promise<unknown> {
  await validateRows('detections', [row], database);
  return database.detections.put(row);
}

/** Writes the object ranges and marks the stage done, atomically. */
export async function finishObjectsStage(
  tracks: ObjectTrackRecord[],
  stage: StageRecord,
  database: BriDatabase = defaultDb,
): Promise<void> {
  await validateRows('objectTracks', tracks, database);
  await database.transaction('rw', [database.objectTracks, database.stages], async () => {
    await database.objectTracks.bulkPut(tracks);
    await database.stages.put(stage);
  });
}

/** Per-frame detections of a video in time order. */
export function listDetections(
  videoId: string,
  database: BriDatabase = defaultDb,
): Promise<DetectionRecord[]> {
  return videoRows(database.detections, '[videoId+t]', videoId);
}

/** Object ranges of a video, by label then start time. */
export function listObjectTracks(
  videoId: string,
  database: BriDatabase = defaultDb,
): Promise<ObjectTrackRecord[]> {
  return videoRows(database.objectTracks, '[videoId+label+start]', videoId);
}

/** A video's tracks of one label, in time order (one indexed read, not the whole table's share). */
export function listObjectTracksOf(
  videoId: string,
  label: string,
  database: BriDatabase = defaultDb,
): Promise<ObjectTrackRecord[]> {
  return database.objectTracks
    .where('[videoId+label+start]')
    .between([videoId, label, Dexie.minKey], [videoId, label, Dexie.maxKey])
    .toArray();
}

export async function putOnScreenText(
  row: OnScreenTextRecord,
  database: BriDatabase = defaultDb,
): Promise<unknown> {
  await validateRows('onScreenText', [row], database);
  return database.onScreenText.put(row);
}

/** Writes the text ranges and marks the stage done, atomically. */
export async function finishTextStage(
  ranges: TextRangeRecord[],
  stage: StageRecord,
  database: BriDatabase = defaultDb,
): Promise<void> {
  await validateRows('textRanges', ranges, database);
  await database.transaction('rw', [database.textRanges, database.stages], async () => {
    await database.textRanges.bulkPut(ranges);
    await database.stages.put(stage);
  });
}

/** On-screen text per frame of a video, in time order. */
export function listOnScreenText(
  videoId: string,
  database: BriDatabase = defaultDb,
): Promise<OnScreenTextRecord[]> {
  return videoRows(database.onScreenText, '[videoId+t]', videoId);
}

/** Ranges of on-screen text lines of a video, in time order. */
export async function listTextRanges(
  videoId: string,
  database: BriDatabase = defaultDb,
): Promise<TextRangeRecord[]> {
  const rows = await database.textRanges.where('videoId').equals(videoId).toArray();
  return rows.sort((a, b) => a.start - b.start || a.text.localeCompare(b.text));
}

/** Stores one chunk's segments at once (a chunk is the unit of progress). */
/** How many rows of a per-video table a video has, without reading them. */
export function countVideoRows(
  table: 'frames' | 'detections' | 'onScreenText' | 'captions' | 'embeddings',
  videoId: string,
  database: BriDatabase = defaultDb,
): Promise<number> {
  return database.table(table).where('videoId').equals(videoId).count();
}

/** Stores one transcribed chunk and its segments together: the chunk is the checkpoint. */
export async function putTranscriptChunk(
  chunk: TranscriptChunkRecord,
  rows: TranscriptSegmentRecord[],
  database: BriDatabase = defaultDb,
): Promise<unknown> {
  await validateRows('transcriptChunks', [chunk], database);
  await validateRows('transcriptSegments', rows, database);
  return database.transaction(
    'rw',
    [database.transcriptChunks, database.transcriptSegments],
    async () => {
      // The stage's chunk replaces what was transcribed of its stretch for a question's span.
      if (!isSpanChunk(chunk)) await dropSpanChunks(chunk.videoId, database, chunk);
      await database.transcriptSegments.bulkPut(rows);
      await database.transcriptChunks.put(chunk);
    },
  );
}

/** The chunks Whisper has been through, in time order. */
export function listTranscriptChunks(
  videoId: string,
  database: BriDatabase = defaultDb,
): Promise<TranscriptChunkRecord[]> {
  return videoRows(database.transcriptChunks, '[videoId+start]', videoId);
}

/** The transcript of a video in time order. */
export function listTranscript(
  videoId: string,
  database: BriDatabase = defaultDb,
): Promise<TranscriptSegmentRecord[]> {
  return videoRows(database.transcriptSegments, '[videoId+start]', videoId);
}

export async function putCaption(
  row: CaptionRecord,
  database: BriDatabase = defaultDb,
): Promise<unknown> {
  await validateRows('captions', [row], database);
  return database.captions.put(row);
}

/** Frame captions of a video in time order. */
export function listCaptions(
  videoId: string,
  database: BriDatabase = defaultDb,
): Promise<CaptionRecord[]> {
  return videoRows(database.captions, '[videoId+t]', videoId);
}

export async function putEmbeddings(
  rows: EmbeddingRecord[],
  database: BriDatabase = defaultDb,
): Promise<unknown> {
  await validateRows('embeddings', rows, database);
  return database.embeddings.bulkPut(rows);
}

/** A video's embeddings, of one source or all. */
export function listEmbeddings(
  videoId: string,
  source?: EmbeddingSource,
  database: BriDatabase = defaultDb,
): Promise<EmbeddingRecord[]> {
  return source
    ? database.embeddings.where('[videoId+source]').equals([videoId, source]).toArray()
    : database.embeddings.where('videoId').equals(videoId).toArray();
}
