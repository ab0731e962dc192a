import { resolveModel } from '../../models';
import {
  clearStageRows,
  listCaptions,
  listFrames,
  listTextRanges,
  listTranscript,
  putEmbeddings,
  type EmbeddingRecord,
  type EmbeddingSource,
  type FrameRecord,
  type VideoRecord,
} from '../db';
import {
  embedFrames as embedFramesInWorker,
  embedTexts as embedTextsInWorker,
} from '../bridges/embed';
import type { FrameEmbedding } from '../shared/frame-results';
import type { Lineage } from '../shared/lineage';
import type { ResolvedModel } from '../shared/model-spec';
import { quantize } from '../shared/vector-codec';
import { readSettings } from '../settings/settings';
import { isTransient } from './retry-policy';
import { StageProgress } from './stage-progress';
import { describeFailure, lineage, setStage } from './stage-rows';
import { planFrameReuse, reusedLineage, type FrameReuse } from './frame-reuse';

/** One thing to embed: where it comes from and what it says. */
interface TextItem {
  source: Exclude<EmbeddingSource, 'frame'>;
  key: string;
  start: number;
  end: number;
  text: string;
}

/** Transcript segments, captions and on-screen texts that say something. */
async function collectTexts(videoId: string): Promise<TextItem[]> {
  const [segments, captions, texts] = await Promise.all([
    listTranscript(videoId),
    listCaptions(videoId),
    listTextRanges(videoId),
  ]);
  const items: TextItem[] = [
    ...segments.map((s) => ({
      source: 'transcript' as const,
      key: `${s.chunkStart}:${s.index}`,
      start: s.start,
      end: s.end,
      text: s.text,
    })),
    ...captions.map((c) => ({
      source: 'caption' as const,
      key: String(c.t),
      start: c.t,
      end: c.t,
      text: c.caption,
    })),
    ...texts.map((r) => ({
      source: 'text' as const,
      key: `${r.start}:${r.text}`,
      start: r.start,
      end: r.end,
      text: r.text,
    })),
  ];
  return items.filter((item) => item.text.trim().length > 0);
}

function embeddingRow(
  videoId: string,
  item: Omit<TextItem, 'source'> & { source: EmbeddingSource },
  vector: Float32Array,
  used: Lineage,
): EmbeddingRecord {
  return { videoId, ...item, model: used.tool, ...quantize(vector), lineage: used };
}

/**
 * Sentence vectors of every text, written in one go (a few hundred small rows). Each distinct
 * string is embedded once: frames that share a caption, and a line on screen for a minute, cost
 * one pass.
 */
async function embedTexts(
  video: VideoRecord,
  items: TextItem[],
  model: ResolvedModel,
  progress: StageProgress,
  signal: AbortSignal,
): Promise<number> {
  if (items.length === 0) return 0;
  const distinct = [...new Set(items.map((item) => item.text))];
  const { vectors, seconds } = await embedTextsInWorker(signal, model, distinct, {
    onProgress: progress.handle,
  });
  const byText = new Map(distinct.map((text, i) => [text, vectors[i] ?? new Float32Array()]));
  const used = lineage(
    model.id,
    model.revision,
    { pooling: model.pooling },
    progress.device,
    progress.dtype,
  );
  await putEmbeddings(
    items.map((item) =>
      embeddingRow(video.id, item, byText.get(item.text) ?? new Float32Array(), used),
    ),
  );
  return seconds;
}

/**
 * CLIP vectors of the stored frames, written a batch at a time. Only frames that show something
 * new are embedded; the others store a copy of their shot's looked-at frame's vector.
 */
async function embedFrames(
  video: VideoRecord,
  { looked, sharers }: FrameReuse<FrameRecord>,
  model: ResolvedModel,
  progress: StageProgress,
  signal: AbortSignal,
): Promise<{ frames: number; modelFrames: number; seconds: number }> {
  if (looked.length === 0) return { frames: 0, modelFrames: 0, seconds: 0 };
  const frameRow = (t: number, vector: Float32Array, used: Lineage) =>
    embeddingRow(
      video.id,
      { source: 'frame', key: String(t), start: t, end: t, text: '' },
      vector,
      used,
    );
  const { seconds } = await embedFramesInWorker(
    signal,
    model,
    looked.map(({ t, blob }) => ({ t, blob })),
    {
      onFrames: async (batch: FrameEmbedding[]) => {
        const used = lineage(model.id, model.revision, {}, progress.device, progress.dtype);
        await putEmbeddings(
          batch.flatMap(({ t, vector }) => [
            frameRow(t, vector, used),
            ...(sharers.get(t) ?? []).map((copy) => frameRow(copy, vector, reusedLineage(used, t))),
          ]),
        );
      },
      onProgress: progress.handle,
    },
  );
  const shared = [...sharers.values()].reduce((sum, times) => sum + times.length, 0);
  return { frames: looked.length + shared, modelFrames: looked.length, seconds };
}

/**
 * Embeddings for search: sentence vectors of transcript segments, captions and on-screen text;
 * CLIP vectors of the frames. The two models run one after the other; if one fails, the other's
 * vectors are still stored and the stage is marked failed with the reason (unless the failure
 * looks transient: then the whole stage is tried again).
 */
export async function runEmbeddingsStage(video: VideoRecord, signal: AbortSignal): Promise<void> {
  await clearStageRows(video.id, 'embeddings');
  const [texts, frameRows] = await Promise.all([collectTexts(video.id), listFrames(video.id)]);
  await setStage(video.id, 'embeddings', { state: 'running' });
  const settings = readSettings();
  const progress = new StageProgress(video.id, 'embeddings');
  // Frames dominate the work (a CLIP image pass costs far more than a sentence).
  const reuse = planFrameReuse(frameRows);
  const textShare = texts.length / (texts.length + 1 + 20 * reuse.looked.length);
  const failures: unknown[] = [];
  const attempt = async <T, F>(work: () => Promise<T>, fallback: F): Promise<T | F> => {
    try {
      return await work();
    } catch (error) {
      // Network trouble goes up to the queue, which runs the stage again after a pause.
      if (signal.aborted || isTransient(error)) throw error;
      failures.push(error);
      return fallback;
    }
  };
  const textProgress = progress.within([0, textShare]);
  const textSeconds = await attempt(
    () => embedTexts(video, texts, resolveModel('textEmbed', settings), textProgress, signal),
    null,
  );
  const frameProgress = progress.within([textShare, 1]);
  const frames = await attempt(
    () => embedFrames(video, reuse, resolveModel('imageEmbed', settings), frameProgress, signal),
    { frames: 0, modelFrames: 0, seconds: 0 },
  );
  const stats = {
    texts: textSeconds === null ? 0 : texts.length,
    frames: frames.frames,
    modelFrames: frames.modelFrames,
    seconds: (textSeconds ?? 0) + frames.seconds,
  };
  // Failed, yet the vectors the other model made stay (unlike a thrown failure, which clears).
  const [failure] = failures;
  if (failure !== undefined)
    await setStage(video.id, 'embeddings', {
      state: 'failed',
      progress: 1,
      detail: describeFailure(failure),
      stats,
    });
  else await setStage(video.id, 'embeddings', { state: 'done', progress: 1, stats });
}
