import {
  countVideoRows,
  listCaptions,
  listSpeechRegions,
  listTextRanges,
  listTranscript,
  listTranscriptChunks,
  type StageRecord,
} from '../db';
import type { Completeness, CompletenessItem } from './completeness-types';

function item(expected: number, stored: number): CompletenessItem {
  return { expected, stored, ratio: expected === 0 ? 1 : Math.min(1, stored / expected) };
}

/** Speech regions inside a chunk Whisper has been through (finding words is the model's call). */
async function transcribedRegions(videoId: string): Promise<CompletenessItem> {
  const [regions, chunks] = await Promise.all([
    listSpeechRegions(videoId),
    listTranscriptChunks(videoId),
  ]);
  const heard = regions.filter((r) => chunks.some((c) => c.start < r.end && c.end > r.start));
  return item(regions.length, heard.length);
}

/** One vector per non-empty transcript segment, caption and on-screen text, and per frame. */
async function embeddedItems(videoId: string, frames: number): Promise<CompletenessItem> {
  const [transcript, captions, textRanges, stored] = await Promise.all([
    listTranscript(videoId),
    listCaptions(videoId),
    listTextRanges(videoId),
    countVideoRows('embeddings', videoId),
  ]);
  const texts = [
    ...transcript.map((s) => s.text),
    ...captions.map((c) => c.caption),
    ...textRanges.map((r) => r.text),
  ].filter((text) => text.trim()).length;
  return item(texts + frames, stored);
}

/**
 * How much of what each finished stage should have stored is there: frames the sampler reported
 * against frames stored, one caption / detection row / OCR row per frame, speech regions inside a
 * transcribed chunk, one vector per non-empty text and per frame. Stages not done are left out,
 * and only what the finished stages need is read (counts where a count will do).
 */
export async function measureCompleteness(
  videoId: string,
  rows: StageRecord[],
): Promise<Completeness> {
  const done = (stage: StageRecord['stage']) =>
    rows.find((r) => r.stage === stage)?.state === 'done';
  const frames = await countVideoRows('frames', videoId);
  const perFrame = async (table: 'detections' | 'onScreenText' | 'captions') =>
    item(frames, await countVideoRows(table, videoId));
  const report: Completeness = {};
  if (done('frames')) {
    const reported = rows.find((r) => r.stage === 'frames')?.stats.frames ?? 0;
    report.frames = item(reported, frames);
  }
  if (done('objects')) report.detections = await perFrame('detections');
  if (done('text')) report.onScreenText = await perFrame('onScreenText');
  if (done('captions')) report.captions = await perFrame('captions');
  if (done('transcript')) report.transcript = await transcribedRegions(videoId);
  if (done('embeddings')) report.embeddings = await embeddedItems(videoId, frames);
  return report;
}
