import { proxy } from 'comlink';
import { resolveModel } from '../../models';
import type { TranscribedChunk } from '../../workers/transcribe.worker';
import type { ModelProgress } from '../../workers/lib/models/fetch-model';
import { clearStageRows, listSpeechRegions, putTranscriptSegments, type VideoRecord } from '../db';
import { openVideoFile } from '../library/video-files';
import { withTranscribeWorker } from '../media/transcribe-bridge';
import type { Lineage } from '../shared/lineage';
import { readSettings } from '../settings/settings';
import { describeDownload } from './frame-model-stage';
import { lineage, progressWriter, setStage } from './stage-rows';

/** Transcript: Whisper over the speech regions, stored chunk by chunk as it goes. Needs `speech`. */
export async function runTranscriptStage(video: VideoRecord, signal: AbortSignal): Promise<void> {
  await clearStageRows(video.id, 'transcript');
  if (!video.hasAudio) {
    await setStage(video.id, 'transcript', {
      state: 'skipped',
      progress: 1,
      detail: 'This video has no audio track.',
    });
    return;
  }
  const regions = await listSpeechRegions(video.id);
  if (regions.length === 0) {
    await setStage(video.id, 'transcript', {
      state: 'skipped',
      progress: 1,
      detail: 'No speech was found to transcribe.',
    });
    return;
  }
  await setStage(video.id, 'transcript', { state: 'running' });
  const model = resolveModel('asr', readSettings());
  const file = await openVideoFile(video.id, video.storage);
  const writeProgress = progressWriter(video.id, 'transcript');
  let device: Lineage['device'] = 'wasm';
  let segments = 0;
  let lastReport = 0;
  const result = await withTranscribeWorker((worker) =>
    worker.transcribe(
      signal,
      model,
      file,
      { container: video.container, duration: video.duration },
      regions.map(({ start, end }) => ({ start, end })),
      proxy(async ({ chunk, segments: found }: TranscribedChunk) => {
        const used = lineage(model.id, model.revision, { chunk }, device);
        segments += found.length;
        await putTranscriptSegments(
          found.map((s, index) => ({
            videoId: video.id,
            chunkStart: chunk.start,
            index,
            ...s,
            lineage: used,
          })),
        );
      }),
      proxy((progress: ModelProgress | { status: 'frames'; fraction: number }) => {
        if (progress.status === 'frames') writeProgress(progress.fraction);
        else if (progress.status === 'ready')
          device = progress.device === 'webgpu' ? 'webgpu' : 'wasm';
        else {
          const detail = describeDownload(progress);
          if (detail && Date.now() - lastReport > 250) {
            lastReport = Date.now();
            void setStage(video.id, 'transcript', { detail });
          }
        }
      }),
    ),
  );
  const stats = {
    segments,
    chunks: result.chunks,
    wordTimestamps: result.wordTimestamps ? 1 : 0,
    seconds: result.seconds,
  };
  await setStage(video.id, 'transcript', { state: 'done', progress: 1, stats });
}
