import type { FrameSamplingResult } from '../../workers/media.worker';
import type { SpeechResult } from '../../workers/lib/speech';
import {
  clearStageRows,
  finishFramesStage,
  finishSpeechStage,
  putFrame,
  putStage,
  type StageName,
  type StageRecord,
  type VideoRecord,
} from '../db';
import { openVideoFile } from '../library/video-files';
import { withMediaWorker } from '../media/media-bridge';
import type { Lineage } from '../shared/lineage';
import { proxy } from 'comlink';
import { reportStage } from './stage-status';

function lineage(
  tool: string,
  version: string,
  parameters: Record<string, unknown>,
  device: Lineage['device'],
): Lineage {
  return { tool, version, parameters, device, appVersion: __APP_VERSION__ };
}

/** A stage row: running at 0 % unless the patch says otherwise. */
function stageRow(videoId: string, stage: StageName, patch: Partial<StageRecord>): StageRecord {
  return {
    videoId,
    stage,
    state: 'running',
    progress: 0,
    detail: null,
    stats: {},
    ...patch,
    updatedAt: Date.now(),
  };
}

/** Writes a stage row and mirrors it to the UI. Progress writes are throttled by the caller. */
async function setStage(
  videoId: string,
  stage: StageName,
  patch: Partial<StageRecord>,
): Promise<void> {
  const row = stageRow(videoId, stage, patch);
  await putStage(row);
  reportStage(row);
}

const NO_AUDIO = {
  state: 'skipped',
  progress: 1,
  detail: 'This video has no audio track.',
} as const;

/** Progress callback that writes at most every whole percent. */
function progressWriter(videoId: string, stage: StageName): (fraction: number) => void {
  let last = -1;
  return (fraction) => {
    const percent = Math.floor(fraction * 100);
    if (percent === last) return;
    last = percent;
    void setStage(videoId, stage, { progress: fraction });
  };
}

/** Frames + scenes: one decoding pass in the media worker; frames are stored as they arrive. */
export async function runFramesStage(video: VideoRecord, signal: AbortSignal): Promise<void> {
  await clearStageRows(video.id, 'frames');
  await setStage(video.id, 'frames', { state: 'running' });
  const file = await openVideoFile(video.id, video.storage);
  let frameLineage: Lineage | null = null;
  const result: FrameSamplingResult = await withMediaWorker((media) =>
    media.sampleFrames(
      signal,
      file,
      video,
      proxy(async (frame) => {
        frameLineage ??= framesLineage(video);
        await putFrame({ videoId: video.id, ...frame, lineage: frameLineage });
      }),
      proxy(progressWriter(video.id, 'frames')),
    ),
  );
  const used = { ...framesLineage(video), parameters: { ...result.plan } };
  const stats = { frames: result.frames, scenes: result.scenes.length, seconds: result.seconds };
  const done = stageRow(video.id, 'frames', { state: 'done', progress: 1, stats });
  await finishFramesStage(
    result.scenes.map((scene) => ({ videoId: video.id, ...scene, lineage: used })),
    done,
  );
  reportStage(done);
}

function framesLineage(video: VideoRecord): Lineage {
  return video.container === 'avi'
    ? lineage('ffmpeg.wasm', __TOOL_VERSIONS__['@ffmpeg/core'] ?? '', {}, 'wasm')
    : lineage('webcodecs+mediabunny', __TOOL_VERSIONS__.mediabunny ?? '', {}, 'cpu');
}

/** Audio + speech regions: streamed decode to 16 kHz and Silero VAD, in the media worker. */
export async function runSpeechStage(video: VideoRecord, signal: AbortSignal): Promise<void> {
  await clearStageRows(video.id, 'speech');
  if (!video.hasAudio) {
    await setStage(video.id, 'speech', NO_AUDIO);
    return;
  }
  await setStage(video.id, 'speech', { state: 'running' });
  const file = await openVideoFile(video.id, video.storage);
  const result = await withMediaWorker<SpeechResult>(
    (media) => media.detectSpeech(signal, file, video, proxy(progressWriter(video.id, 'speech'))),
    'audio',
  );
  if (!result.ok) {
    await setStage(video.id, 'speech', NO_AUDIO);
    return;
  }
  const regionLineage = lineage(
    'silero-vad-v5',
    __TOOL_VERSIONS__['@ricky0123/vad-web'] ?? '',
    { threshold: 0.5 },
    'wasm',
  );
  const stats = {
    regions: result.regions.length,
    speechSeconds: result.regions.reduce((sum, r) => sum + r.end - r.start, 0),
    audioSeconds: result.audioSeconds,
    decodeSeconds: result.decodeSeconds,
    vadSeconds: result.vadSeconds,
  };
  const done = stageRow(video.id, 'speech', { state: 'done', progress: 1, stats });
  await finishSpeechStage(
    result.regions.map((region) => ({ videoId: video.id, ...region, lineage: regionLineage })),
    done,
  );
  reportStage(done);
}

/** Marks a stage cancelled or failed and removes its partial rows, so a re-run starts clean. */
export async function endStage(
  videoId: string,
  stage: StageName,
  state: 'cancelled' | 'failed',
  detail: string,
): Promise<void> {
  await clearStageRows(videoId, stage);
  await setStage(videoId, stage, { state, detail });
}
