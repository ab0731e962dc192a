import { repairSegments, type Repairs } from './repair-segments';
import { logEvent } from '../diagnostics/session-log';
import { resolveModel } from '../../models';
import { releaseTranscriber, transcribe, type TranscribedChunk } from '../bridges/transcribe';
import {
  clearStageRows,
  dropSpanTranscript,
  listSpeechRegions,
  listTranscript,
  listTranscriptChunks,
  putTranscriptChunk,
  type VideoRecord,
} from '../db';
import { openVideoFile } from '../storage/video-files';
import { readSettings } from '../settings/settings';
import { StageProgress } from './stage-progress';
import { backgroundTurn } from './background-gate';
import { lineage, setStage } from './stage-rows';

/**
 * Transcript: Whisper over the speech regions, stored chunk by chunk as it goes. Needs `speech`.
 * With `resume`, the chunks already stored (each chunk's segments are written in one transaction)
 * are kept and only the rest are transcribed. Whisper's worker ends with the stage (the next
 * model stage needs the memory).
 */
export async function runTranscriptStage(
  video: VideoRecord,
  signal: AbortSignal,
  resume = false,
): Promise<void> {
  try {
    await transcribeSpeech(video, signal, resume);
  } finally {
    releaseTranscriber();
  }
}

async function transcribeSpeech(
  video: VideoRecord,
  signal: AbortSignal,
  resume: boolean,
): Promise<void> {
  // A resumed run picks up the stage's own chunks; what a question's span wrote goes.
  if (resume) await dropSpanTranscript(video.id);
  else await clearStageRows(video.id, 'transcript');
  const stored = resume ? await listTranscript(video.id) : [];
  const storedChunks = resume ? await listTranscriptChunks(video.id) : [];
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
  let segments = stored.length;
  const languages = new Set(stored.map((s) => s.language));
  const done = storedChunks.map((c) => c.start);
  const request = {
    model,
    file,
    video: { container: video.container, duration: video.duration },
    regions: regions.map(({ start, end }) => ({ start, end })),
    done,
  };
  const repairs: Repairs = { repaired: 0, dropped: 0 };
  const result = await transcribe(signal, request, {
    onChunk: async ({ chunk, segments: raw, language }: TranscribedChunk) => {
      await backgroundTurn(signal);
      const { segments: found, repairs: fixed } = repairSegments(raw, {
        start: 0,
        end: video.duration,
      });
      noteRepairs(video.id, chunk.start, fixed, repairs);
      const used = lineage(
        model.id,
        model.revision,
        { chunk, language },
        progress.device,
        progress.dtype,
      );
      segments += found.length;
      if (found.length > 0) languages.add(language.code);
      await putTranscriptChunk(
        {
          videoId: video.id,
          start: chunk.start,
          end: chunk.end,
          segments: found.length,
          language: language.code,
          lineage: used,
        },
        found.map((s, index) => ({
          videoId: video.id,
          chunkStart: chunk.start,
          index,
          ...s,
          language: language.code,
          lineage: used,
        })),
      );
    },
    onProgress: progress.handle,
  });
  const stats = {
    segments,
    chunks: result.chunks,
    resumedChunks: done.length,
    wordTimestamps: result.wordTimestamps ? 1 : 0,
    repairedSegments: repairs.repaired,
    droppedSegments: repairs.dropped,
    seconds: result.seconds,
  };
  const detail = languages.size > 0 ? `Spoken: ${[...languages].join(', ')}` : undefined;
  // A span transcribed for a question where no speech was found: the stage's word is final.
  await dropSpanTranscript(video.id);
  await setStage(video.id, 'transcript', { state: 'done', progress: 1, stats, detail });
}

/** Adds a chunk's repairs to the stage's count, and logs them (the model's output was off). */
function noteRepairs(videoId: string, chunkStart: number, fixed: Repairs, total: Repairs): void {
  if (fixed.repaired === 0 && fixed.dropped === 0) return;
  total.repaired += fixed.repaired;
  total.dropped += fixed.dropped;
  logEvent({
    level: 'warn',
    component: 'pipeline',
    message: `transcript chunk at ${chunkStart.toFixed(1)} s: ${fixed.repaired} segments repaired, ${fixed.dropped} dropped (malformed model output)`,
    videoId,
    data: { ...fixed },
  });
}
