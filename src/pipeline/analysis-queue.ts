import {
  getVideo,
  listAllStages,
  listVideos,
  putStage,
  type StageName,
  type VideoRecord,
} from '../db';
import { readSettings } from '../settings/settings';
import { runFramesStage, runSpeechStage } from './media-stages';
import { runObjectsStage } from './objects-stage';
import { runTextStage } from './text-stage';
import { runCaptionsStage } from './captions-stage';
import { runEmbeddingsStage } from './embeddings-stage';
import { runTranscriptStage } from './transcript-stage';
import { describeFailure, endStage } from './stage-rows';
import { reportStage } from './stage-status';

type StageRunner = (video: VideoRecord, signal: AbortSignal) => Promise<void>;

/**
 * A video's stages. Those without `after` start together (each media stage has its own worker);
 * `objects` looks at the stored frames, so it starts when `frames` has ended; `text` follows it.
 * `transcript` listens to the speech regions, so it starts when `speech` has ended. `embeddings`
 * indexes what all the others wrote, so it comes last.
 */
const STAGES: { stage: StageName; run: StageRunner; after?: StageName[] }[] = [
  { stage: 'frames', run: runFramesStage },
  { stage: 'speech', run: runSpeechStage },
  { stage: 'objects', run: runObjectsStage, after: ['frames'] },
  // After objects, not beside it: two model workers at once would oversubscribe 2 cores.
  { stage: 'text', run: runTextStage, after: ['objects'] },
  { stage: 'transcript', run: runTranscriptStage, after: ['speech'] },
  { stage: 'captions', run: runCaptionsStage, after: ['text'] },
  { stage: 'embeddings', run: runEmbeddingsStage, after: ['transcript', 'captions'] },
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

async function runStages(videoId: string, job: Job): Promise<void> {
  const { signal } = job.controller;
  if (signal.aborted) return; // Cancelled while queued: cancelAnalysis already recorded it.
  job.started = true;
  const video = await getVideo(videoId);
  if (!video) return;
  const running = new Map<StageName, Promise<void>>();
  for (const { stage, run, after } of job.stages) {
    // Only stages queued in this run are waited for; the others' rows are already stored.
    const ready = Promise.all((after ?? []).map((name) => running.get(name)));
    running.set(
      stage,
      ready.then(() => runStage(video, stage, run, signal)),
    );
  }
  await Promise.all(running.values());
}

async function runStage(
  video: VideoRecord,
  stage: StageName,
  run: StageRunner,
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
    else await endStage(video.id, stage, 'failed', describeFailure(error));
  }
}

const CANCELLED = 'Cancelled — analyse again whenever you like.';

/**
 * Queues a video's media stages (frames + scenes, audio + speech), or only the named ones.
 * Resolves when they end.
 */
export function analyseVideo(videoId: string, only?: readonly StageName[]): Promise<void> {
  jobs.get(videoId)?.controller.abort();
  const stages = STAGES.filter(({ stage }) => !only || only.includes(stage));
  for (const { stage } of stages) {
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
  for (const { stage } of job.stages) await endStage(videoId, stage, 'cancelled', CANCELLED);
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
