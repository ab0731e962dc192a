import {
  getVideo,
  listAllStages,
  listVideos,
  putStage,
  type StageName,
  type VideoRecord,
} from '../db';
import { readSettings } from '../settings/settings';
import { endStage, runFramesStage, runSpeechStage } from './media-stages';
import { reportStage } from './stage-status';

/** Stages in the order they run: frames first, so the video has something to show soonest. */
const STAGES: [StageName, (video: VideoRecord, signal: AbortSignal) => Promise<void>][] = [
  ['frames', runFramesStage],
  ['speech', runSpeechStage],
];

interface Job {
  controller: AbortController;
  started: boolean;
  done: Promise<void>;
}

const jobs = new Map<string, Job>();
/** One video at a time: on 2 cores, two decoders at once only slow each other down. */
let chain: Promise<unknown> = Promise.resolve();

function describe(error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  return `Something went wrong: ${detail}. Try “Analyse again”.`;
}

async function runStages(videoId: string, job: Job): Promise<void> {
  const { signal } = job.controller;
  if (signal.aborted) return; // Cancelled while queued: cancelAnalysis already recorded it.
  job.started = true;
  const video = await getVideo(videoId);
  if (!video) return;
  for (const [stage, run] of STAGES) {
    if (signal.aborted) {
      await endStage(videoId, stage, 'cancelled', CANCELLED);
      continue;
    }
    try {
      await run(video, signal);
    } catch (error) {
      if (signal.aborted)
        await endStage(videoId, stage, 'cancelled', 'Cancelled — analyse again whenever you like.');
      else await endStage(videoId, stage, 'failed', describe(error));
    }
  }
}

const CANCELLED = 'Cancelled — analyse again whenever you like.';

/** Queues a video's media stages (frames + scenes, audio + speech). Resolves when they end. */
export function analyseVideo(videoId: string): Promise<void> {
  jobs.get(videoId)?.controller.abort();
  for (const [stage] of STAGES) {
    const queued = {
      videoId,
      stage,
      state: 'queued',
      progress: 0,
      detail: null,
      stats: {},
      updatedAt: Date.now(),
    } as const;
    reportStage(queued);
    void putStage(queued);
  }
  const job: Job = { controller: new AbortController(), started: false, done: Promise.resolve() };
  job.done = chain
    .then(() => runStages(videoId, job))
    .finally(() => {
      if (jobs.get(videoId) === job) jobs.delete(videoId);
    });
  jobs.set(videoId, job);
  chain = job.done.catch(() => undefined);
  return job.done;
}

/**
 * Cancels a video's analysis. A running one is awaited until its worker has stopped writing; a
 * queued one is marked cancelled at once (no waiting for the videos ahead of it).
 */
export async function cancelAnalysis(videoId: string): Promise<void> {
  const job = jobs.get(videoId);
  if (!job) return;
  job.controller.abort(new DOMException('Cancelled by the user', 'AbortError'));
  if (job.started) {
    await job.done.catch(() => undefined);
    return;
  }
  jobs.delete(videoId);
  for (const [stage] of STAGES) await endStage(videoId, stage, 'cancelled', CANCELLED);
}

/** On start: loads stage status, and re-runs stages a closed tab left queued or running. */
export async function resumeAnalyses(): Promise<void> {
  const stages = await listAllStages();
  stages.forEach(reportStage);
  const unfinished = new Set(
    stages.filter((s) => s.state === 'queued' || s.state === 'running').map((s) => s.videoId),
  );
  const analysed = new Set(stages.map((s) => s.videoId));
  const auto = readSettings().autoAnalyse;
  for (const video of await listVideos()) {
    if (unfinished.has(video.id) || (auto && !analysed.has(video.id))) void analyseVideo(video.id);
  }
}
