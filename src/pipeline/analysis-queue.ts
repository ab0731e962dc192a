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

/** The media stages of a video; they run side by side. */
const STAGES: [StageName, (video: VideoRecord, signal: AbortSignal) => Promise<void>][] = [
  ['frames', runFramesStage],
  ['speech', runSpeechStage],
];

interface Job {
  controller: AbortController;
  stages: typeof STAGES;
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
  // The stages overlap: each has its own media worker (see MediaLane) and they share no rows.
  await Promise.all(job.stages.map(([stage, run]) => runStage(video, stage, run, signal)));
}

async function runStage(
  video: VideoRecord,
  stage: StageName,
  run: (video: VideoRecord, signal: AbortSignal) => Promise<void>,
  signal: AbortSignal,
): Promise<void> {
  if (signal.aborted) {
    await endStage(video.id, stage, 'cancelled', CANCELLED);
    return;
  }
  try {
    await run(video, signal);
  } catch (error) {
    if (signal.aborted) await endStage(video.id, stage, 'cancelled', CANCELLED);
    else await endStage(video.id, stage, 'failed', describe(error));
  }
}

const CANCELLED = 'Cancelled — analyse again whenever you like.';

/**
 * Queues a video's media stages (frames + scenes, audio + speech), or only the named ones.
 * Resolves when they end.
 */
export function analyseVideo(videoId: string, only?: readonly StageName[]): Promise<void> {
  jobs.get(videoId)?.controller.abort();
  const stages = STAGES.filter(([stage]) => !only || only.includes(stage));
  for (const [stage] of stages) {
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
  const job: Job = {
    controller: new AbortController(),
    stages,
    started: false,
    done: Promise.resolve(),
  };
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
  for (const [stage] of job.stages) await endStage(videoId, stage, 'cancelled', CANCELLED);
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
