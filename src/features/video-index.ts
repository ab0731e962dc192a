import {
  countVideoRows,
  getVideo,
  listCaptions,
  listEmbeddings,
  listDetections,
  listFrames,
  listObjectTracks,
  listOnScreenText,
  listTextRanges,
  listTranscript,
  listScenes,
  listSpeechRegions,
  listStages,
  getSpeakers,
  type StageName,
} from '../db';
import { speakerName } from '../shared/speaker-turns';
import { openVideoFile } from '../storage/video-files';
import { measureCompleteness } from '../pipeline/completeness';
import { frameAt as frameInWorker } from '../bridges/media';
import { dequantize } from '../shared/vector-codec';
import { STAGE_NAMES } from '../shared/stages';
import type { MediaIndex, StageStatus, VideoStatus } from './video-index-types';

/** A row copied from another frame of its shot says which (the model never saw this one). */
const reused = (lineage: { reusedFrom?: number }) =>
  lineage.reusedFrom === undefined ? {} : { reusedFrom: lineage.reusedFrom };

/** The video, or a `VideoNotFoundError`. */
export async function requireVideo(videoId: string) {
  const video = await getVideo(videoId);
  if (!video)
    throw Object.assign(new Error(`No video with id ${videoId}`), { name: 'VideoNotFoundError' });
  return video;
}

/**
 * The chat can answer once the first frames are stored: from the video's metadata, what has been
 * seen so far (tools say what is still processing) and `look_again`, which decodes any moment
 * afresh. Answers improve as the other stages land.
 */
async function isChatReady(videoId: string, frames: StageStatus['state']): Promise<boolean> {
  // A sound recording has no frames to wait for (its frames stage is skipped).
  if (frames === 'done' || frames === 'skipped') return true;
  return frames === 'running' && (await countVideoRows('frames', videoId)) > 0;
}

/** Per-stage processing state of a video, and whether it can be asked about yet. */
export async function status(videoId: string): Promise<VideoStatus> {
  await requireVideo(videoId);
  const rows = await listStages(videoId);
  const stages = Object.fromEntries(
    STAGE_NAMES.map((stage): [StageName, StageStatus] => {
      const row = rows.find((r) => r.stage === stage);
      return [
        stage,
        row
          ? { state: row.state, progress: row.progress, detail: row.detail, stats: row.stats }
          : { state: 'not-started', progress: 0, detail: null, stats: {} },
      ];
    }),
  ) as Record<StageName, StageStatus>;
  return {
    videoId,
    stages,
    chatReady: await isChatReady(videoId, stages.frames.state),
    completeness: await measureCompleteness(videoId, rows),
  };
}

/** Everything stored about a video (frame images left out; `frameAt` fetches them). */
export async function getIndex(videoId: string): Promise<MediaIndex> {
  await requireVideo(videoId);
  const [
    frames,
    scenes,
    regions,
    tracks,
    detections,
    textRanges,
    onScreenText,
    transcript,
    captions,
    embeddings,
  ] = await Promise.all([
    listFrames(videoId),
    listScenes(videoId),
    listSpeechRegions(videoId),
    listObjectTracks(videoId),
    listDetections(videoId),
    listTextRanges(videoId),
    listOnScreenText(videoId),
    listTranscript(videoId),
    listCaptions(videoId),
    listEmbeddings(videoId),
  ]);
  const speakers = await getSpeakers(videoId);
  return {
    frames: frames.map(({ t, width, height, sceneIndex, reason, lineage }) => ({
      t,
      width,
      height,
      sceneIndex,
      reason,
      lineage,
    })),
    scenes: scenes.map(({ index, start, end }) => ({ index, start, end })),
    speechRegions: regions.map(({ start, end }) => ({ start, end })),
    speakers: (speakers?.turns ?? []).map((turn) => ({
      ...turn,
      name: speakerName(turn.speaker, speakers?.names),
    })),
    objects: tracks
      .map(({ label, start, end, maxScore, count }) => ({ label, start, end, maxScore, count }))
      .sort((a, b) => a.start - b.start || a.label.localeCompare(b.label)),
    detections: detections.map(({ t, objects, lineage }) => ({ t, objects, ...reused(lineage) })),
    text: textRanges.map(({ text, start, end, maxScore, count }) => ({
      text,
      start,
      end,
      maxScore,
      count,
    })),
    onScreenText: onScreenText.map(({ t, lines, textLike, lineage }) => ({
      t,
      lines,
      textLike,
      ...reused(lineage),
    })),
    captions: captions.map(({ t, caption, confidence, lineage }) => ({
      t,
      caption,
      confidence,
      ...reused(lineage),
    })),
    embeddings: embeddings
      .map(({ source, start, end, text, model, values, scale }) => ({
        source,
        start,
        end,
        text,
        model,
        dims: values.length,
        norm: Math.hypot(...dequantize({ values, scale })),
      }))
      .sort((a, b) => a.source.localeCompare(b.source) || a.start - b.start),
    transcript: transcript.map(({ start, end, text, words, language }) => ({
      start,
      end,
      text,
      words,
      language,
    })),
  };
}

/** The frame at `t` seconds at full resolution (WebP), with its exact presentation time. */
export async function frameAt(
  videoId: string,
  t: number,
): Promise<{ blob: Blob; t: number; width: number; height: number }> {
  const video = await requireVideo(videoId);
  const file = await openVideoFile(video.id, video.storage);
  return frameInWorker(file, video.container, t);
}
