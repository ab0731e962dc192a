import { resolveModel } from '../../models';
import { diarize, releaseDiarizer } from '../bridges/speakers';
import {
  getSpeakerCheckpoint,
  listSpeechRegions,
  saveSpeakerCheckpoint,
  saveSpeakerTurns,
  type VideoRecord,
} from '../db';
import { readSettings } from '../settings/settings';
import { openVideoFile } from '../storage/video-files';
import { StageProgress } from './stage-progress';
import { lineage, setStage } from './stage-rows';

/** Windows heard between two checkpoints (each rewrites the pieces so far: not every window). */
const CHECKPOINT_EVERY = 10;

/**
 * Speakers: who speaks when, over the speech regions (needs `speech`, no frames: sound
 * recordings get it too). pyannote segmentation and WeSpeaker run in their worker; the voices are
 * clustered over the whole recording, so speaker 2 at 0:40 and at 41:00 is one person. One voice
 * found: the stage says so and the transcript shows no labels. What has been heard is kept every
 * few windows; with `resume` (a reload interrupted it) the run goes on after the last checkpoint
 * and clusters its pieces with the new ones. The stage ends its worker after.
 */
export async function runSpeakersStage(
  video: VideoRecord,
  signal: AbortSignal,
  resume = false,
): Promise<void> {
  try {
    await findSpeakers(video, signal, resume);
  } finally {
    releaseDiarizer();
  }
}

async function findSpeakers(video: VideoRecord, signal: AbortSignal, resume: boolean) {
  const regions = await listSpeechRegions(video.id);
  if (!video.hasAudio || regions.length === 0) {
    await setStage(video.id, 'speakers', {
      state: 'skipped',
      progress: 1,
      detail: video.hasAudio ? 'No speech was found.' : 'This video has no audio track.',
    });
    return;
  }
  await setStage(video.id, 'speakers', { state: 'running' });
  const settings = readSettings();
  const segmentation = resolveModel('speakerSegment', settings);
  const embedder = resolveModel('speakerEmbed', settings);
  const progress = new StageProgress(video.id, 'speakers');
  const used = () =>
    lineage(
      `${segmentation.id}+${embedder.id}`,
      `${segmentation.revision}+${embedder.revision}`,
      {},
      progress.device,
      progress.dtype,
    );
  const resumed = resume ? await getSpeakerCheckpoint(video.id) : null;
  if (!resumed) await saveSpeakerCheckpoint(video.id, null, used());
  const heard = { windows: resumed?.windows ?? 0, pieces: [...(resumed?.pieces ?? [])] };
  const file = await openVideoFile(video.id, video.storage);
  const result = await diarize(
    signal,
    {
      segmentation,
      embedder,
      file,
      video: { container: video.container, duration: video.duration },
      regions: regions.map(({ start, end }) => ({ start, end })),
      ...(resumed ? { resumed } : {}),
    },
    {
      onWindow: async ({ windows, pieces }) => {
        heard.windows = windows;
        heard.pieces.push(...pieces);
        if (windows % CHECKPOINT_EVERY === 0)
          await saveSpeakerCheckpoint(video.id, { ...heard, pieces: [...heard.pieces] }, used());
      },
      onProgress: progress.handle,
    },
  );
  signal.throwIfAborted();
  await saveSpeakerTurns({
    videoId: video.id,
    turns: result.turns,
    speakers: result.speakers,
    lineage: { ...used(), parameters: { windows: result.windows, pieces: result.pieces } },
  });
  const stats = {
    speakers: result.speakers,
    turns: result.turns.length,
    windows: result.windows,
    resumedWindows: resumed?.windows ?? 0,
    seconds: result.seconds,
  };
  const detail = result.speakers <= 1 ? 'One voice: the transcript shows no speaker labels.' : null;
  await setStage(video.id, 'speakers', { state: 'done', progress: 1, stats, detail });
}
