import {
  FRAME_NOVELTY,
  SILERO_VAD,
  SPEECH_REGION_OPTIONS,
  VAD_FRAME_SAMPLES,
} from '../shared/analysis-parameters';
import {
  clearStageRows,
  finishFramesStage,
  finishSpeechStage,
  putFrame,
  type VideoRecord,
} from '../db';
import { openVideoFile } from '../storage/video-files';
import {
  detectSpeech,
  releaseFramesWorker,
  releaseSpeechWorker,
  sampleFrames,
  videoDecoder,
} from '../bridges/media';
import type { Lineage } from '../shared/lineage';
import { NO_PICTURE } from './no-picture';
import { hasPicture } from '../shared/video-types';
import { reportStage } from './stage-status';
import { backgroundTurn } from './background-gate';
import { lineage, progressWriter, setStage, stageRow } from './stage-rows';

const NO_AUDIO = {
  state: 'skipped',
  progress: 1,
  detail: 'This video has no audio track.',
} as const;

/** Frames + scenes: one decoding pass in the media worker; frames are stored as they arrive. */
export async function runFramesStage(video: VideoRecord, signal: AbortSignal): Promise<void> {
  await clearStageRows(video.id, 'frames');
  if (!hasPicture(video)) {
    await setStage(video.id, 'frames', NO_PICTURE);
    return;
  }
  await setStage(video.id, 'frames', { state: 'running' });
  const file = await openVideoFile(video.id, video.storage);
  // Asked alongside the sampling, not before it: the worker works the choice out once for both,
  // and the first frame is not held up by a round trip of its own.
  const frameLineage = videoDecoder(file, video.container).then((decoder) =>
    framesLineage(decoder),
  );
  frameLineage.catch(() => undefined); // A failure surfaces through sampleFrames or onFrame.
  let distinct = 0;
  const result = await sampleFrames(signal, file, video, {
    onFrame: async (frame) => {
      await backgroundTurn(signal);
      if (frame.sameAs === undefined) distinct++;
      await putFrame({ videoId: video.id, ...frame, lineage: await frameLineage });
    },
    onProgress: progressWriter(video.id, 'frames'),
  }).finally(releaseFramesWorker);
  const used = {
    ...framesLineage(result.decoder),
    parameters: { ...result.plan, novelty: FRAME_NOVELTY },
  };
  const stats = {
    frames: result.frames,
    distinctFrames: distinct,
    scenes: result.scenes.length,
    seconds: result.seconds,
  };
  const done = stageRow(video.id, 'frames', { state: 'done', progress: 1, stats });
  await finishFramesStage(
    result.scenes.map((scene) => ({ videoId: video.id, ...scene, lineage: used })),
    done,
  );
  reportStage(done);
}

/** Which decoder made the frames: ffmpeg.wasm (AVI, codecs the browser can't decode) or WebCodecs. */
export function framesLineage(
  decoder: 'webcodecs' | 'ffmpeg',
  parameters: Record<string, unknown> = {},
): Lineage {
  return decoder === 'ffmpeg'
    ? lineage('ffmpeg.wasm', __TOOL_VERSIONS__['@ffmpeg/core'] ?? '', parameters, 'wasm')
    : lineage('webcodecs+mediabunny', __TOOL_VERSIONS__.mediabunny ?? '', parameters, 'cpu');
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
  const result = await detectSpeech(signal, file, video, {
    onProgress: progressWriter(video.id, 'speech'),
  }).finally(releaseSpeechWorker);
  if (!result.ok) {
    await setStage(video.id, 'speech', NO_AUDIO);
    return;
  }
  const regionLineage = lineage(
    SILERO_VAD.id,
    `sha256:${SILERO_VAD.sha256.slice(0, 12)}`,
    { ...SPEECH_REGION_OPTIONS, frameSamples: VAD_FRAME_SAMPLES, sampleRate: 16000 },
    'wasm',
  );
  const stats = {
    regions: result.regions.length,
    speechSeconds: result.regions.reduce((sum, r) => sum + r.end - r.start, 0),
    audioSeconds: result.audioSeconds,
    decodeSeconds: result.decodeSeconds,
    vadSeconds: result.vadSeconds,
  };
  // Several sound tracks (dubs, commentary): say which one was listened to.
  const detail = result.track
    ? `Listened to audio track ${result.track.number} of ${result.track.of}` +
      `${result.track.language ? ` (${result.track.language})` : ''}, the file's default.`
    : null;
  const done = stageRow(video.id, 'speech', { state: 'done', progress: 1, stats, detail });
  await finishSpeechStage(
    result.regions.map((region) => ({ videoId: video.id, ...region, lineage: regionLineage })),
    done,
  );
  reportStage(done);
}
