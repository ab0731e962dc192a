import { proxy } from 'comlink';
import { resolveModel } from '../../models';
import type { TranscribedChunk } from '../../workers/transcribe.worker';
import { clearStageRows, listSpeechRegions, putTranscriptSegments, type VideoRecord } from '../db';
import { openVideoFile } from '../library/video-files';
import { withTranscribeWorker } from '../media/transcribe-bridge';
import { readSettings } from '../settings/settings';
import { StageProgress } from './stage-progress';
import { lineage, setStage } from './stage-rows';

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
  const progress = new StageProgress(video.id, 'transcript');
  let segments = 0;
  const languages = new Set<string>();
  const result = await withTranscribeWorker((worker) =>
    worker.transcribe(
      signal,
      model,
      file,
      { container: video.container, duration: video.duration },
      regions.map(({ start, end }) => ({ start, end })),
      proxy(async ({ chunk, segments: found, language }: TranscribedChunk) => {
        const used = lineage(model.id, model.revision, { chunk, language }, progress.device);
        segments += found.length;
        if (found.length > 0) languages.add(language.code);
        await putTranscriptSegments(
          found.map((s, index) => ({
            videoId: video.id,
            chunkStart: chunk.start,
            index,
            ...s,
            language: language.code,
            lineage: used,
          })),
        );
      }),
      proxy(progress.handle),
    ),
  );
  const stats = {
    segments,
    chunks: result.chunks,
    wordTimestamps: result.wordTimestamps ? 1 : 0,
    seconds: result.seconds,
  };
  const detail = languages.size > 0 ? `Spoken: ${[...languages].join(', ')}` : undefined;
  await setStage(video.id, 'transcript', { state: 'done', progress: 1, stats, detail });
}
