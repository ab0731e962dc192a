import {
  listCaptions,
  listDetections,
  listEmbeddings,
  listFrames,
  listOnScreenText,
  listSpeechRegions,
  listTextRanges,
  listTranscript,
  listTranscriptChunks,
  type StageRecord,
} from '../db';
import type { Completeness, CompletenessItem } from '../shared/bri-api';

function item(expected: number, stored: number): CompletenessItem {
  return { expected, stored, ratio: expected === 0 ? 1 : Math.min(1, stored / expected) };
}

/**
 * How much of what each finished stage should have stored is there: frames the sampler reported
 * against frames stored, one caption / detection row / OCR row per frame, speech regions inside a
 * transcribed chunk, one vector per non-empty text and per frame. Stages not done are left out.
 */
export async function measureCompleteness(
  videoId: string,
  rows: StageRecord[],
): Promise<Completeness> {
  const done = (stage: StageRecord['stage']) =>
    rows.find((r) => r.stage === stage)?.state === 'done';
  const [frames, captions, detections, ocr, regions, transcript, textRanges, embeddings, chunks] =
    await Promise.all([
      listFrames(videoId),
      listCaptions(videoId),
      listDetections(videoId),
      listOnScreenText(videoId),
      listSpeechRegions(videoId),
      listTranscript(videoId),
      listTextRanges(videoId),
      listEmbeddings(videoId),
      listTranscriptChunks(videoId),
    ]);
  const report: Completeness = {};
  const framesStage = rows.find((r) => r.stage === 'frames');
  if (done('frames')) report.frames = item(framesStage?.stats.frames ?? 0, frames.length);
  if (done('objects')) report.detections = item(frames.length, detections.length);
  if (done('text')) report.onScreenText = item(frames.length, ocr.length);
  if (done('captions')) report.captions = item(frames.length, captions.length);
  if (done('transcript')) {
    // Whisper has been through every speech region (whether it found words is the model's call).
    const heard = regions.filter((r) => chunks.some((c) => c.start < r.end && c.end > r.start));
    report.transcript = item(regions.length, heard.length);
  }
  if (done('embeddings')) {
    const texts = [
      ...transcript.map((s) => s.text),
      ...captions.map((c) => c.caption),
      ...textRanges.map((r) => r.text),
    ].filter((text) => text.trim()).length;
    report.embeddings = item(texts + frames.length, embeddings.length);
  }
  return report;
}
