import {
  type StageRecord,
  getVideo,
  listAllStages,
  listStages,
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
import { runSpeakersStage } from './speakers-stage';
import { FocusQueue } from './focus-queue';
import { MAX_ATTEMPTS, backoffMs, isTransient, sleep } from './retry-policy';
import { describeFailure, endStage, setStage } from './stage-rows';
import { reportStage } from './stage-status';
import { STAGE_NAMES } from '../shared/stages';
import { planStages, waitsFor, withDependents } from './stage-graph';
import { askLeader, joinAnalysis, leadsAnalysis, type AnalysisRequest } from './analysis-leader';
import { ModelLanes } from './model-lanes';
import { loadAhead } from './load-ahead';
import { loadsPinnedModel, pinAnalysisModels } from './pin-models';
import { computePlanHere } from '../shared/wasm-threads';

/** Runs one stage; with `resume` it keeps the rows a reload interrupted and does the rest. */
type StageRunner = (video: VideoRecord, signal: AbortSignal, resume?: boolean) => Promise<void>;

/** How each stage runs; the order they run in is the stage graph's (stage-graph.ts). */
const RUNNERS: Record<StageName, StageRunner> = {
  frames: runFramesStage,
  speech: runSpeechStage,
  objects: runObjectsStage,
  text: runTextStage,
  transcript: runTranscriptStage,
  speakers: runSpeakersStage,
  captions: runCaptionsStage,
  embeddings: runEmbeddingsStage,
};

interface Job {
  controller: AbortController;
  /** The stages asked for (undefined: all); the run adds what they read and isn't stored. */
  requested: readonly StageName[] | undefined;
  /** The stages reported as queued. */
  stages: StageName[];
  /** Stages to continue from their stored rows rather than start afresh. */
  resume: ReadonlySet<StageName>;
  started: boolean;
  done: Promise<void>;
}

const jobs = new Map<string, Job>();
/** One video at a time, the one on screen first. */
const queue = new FocusQueue();

/**
 * Marks the video the person is looking at (null: none): its queued analysis runs next, ahead
 * of videos queued before it. The one already running finishes first.
 */
export function focusVideo(videoId: string | null): void {
  queue.focus(videoId);
  void leadsAnalysis().then((leads) => {
    if (!leads) void askLeader({ kind: 'focus', videoId });
  });
}

async function runStages(videoId: string, job: Job): Promise<void> {
  const { signal } = job.controller;
  if (signal.aborted) return; // Cancelled while queued: cancelAnalysis already recorded it.
  job.started = true;
  const video = await getVideo(videoId);
  if (!video) return;
  const stored = new Map((await listStages(videoId)).map((row) => [row.stage, row.state]));
  const plan = planStages(job.requested, stored);
  for (const stage of plan) if (!job.stages.includes(stage)) markQueued(videoId, stage);
  job.stages = plan;
  // The first download of a model records the exact weights it is (pin-models.ts); only the
  // stages loading those models wait for it.
  const pinned = plan.some(loadsPinnedModel) ? pinAnalysisModels(readSettings()) : undefined;
  const pinsFor = (stage: StageName) => (loadsPinnedModel(stage) ? pinned : undefined);
  const running = new Map<StageName, Promise<void>>();
  const lanes = new ModelLanes(computePlanHere(readSettings().wasmThreads).lanes, (stage) => {
    // A failed pin fails the stage itself (below); nothing is loaded ahead for it.
    Promise.resolve(pinsFor(stage)).then(
      () => loadAhead(video, stage),
      () => undefined,
    );
  });
  for (const stage of plan) lanes.expect(stage);
  for (const stage of plan) {
    // Only stages of this run are waited for; what else a stage reads is already stored.
    const ready = Promise.all([
      ...waitsFor(stage, plan).map((name) => running.get(name)),
      pinsFor(stage),
    ]);
    running.set(
      stage,
      ready.then(() =>
        lanes.run(stage, () =>
          runStage(video, stage, RUNNERS[stage], signal, job.resume.has(stage)),
        ),
      ),
    );
  }
  await Promise.all([...running.values(), pinned]);
}

async function runStage(
  video: VideoRecord,
  stage: StageName,
  run: StageRunner,
  signal: AbortSignal,
  resume: boolean,
): Promise<void> {
  if (signal.aborted) {
    await endStage(video.id, stage, 'cancelled', CANCELLED);
    return;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      // A retry keeps what the failed attempt stored (its checkpoint).
      await run(video, signal, resume || attempt > 1);
      if (attempt > 1) await noteRetries(video.id, stage, attempt - 1);
      return;
    } catch (error) {
      if (!signal.aborted && attempt < MAX_ATTEMPTS && isTransient(error)) {
        const wait = backoffMs(attempt + 1);
        await setStage(video.id, stage, {
          detail: `Network trouble — trying again in ${wait / 1000} s (attempt ${attempt + 1} of ${MAX_ATTEMPTS})…`,
        });
        const waited = await sleep(wait, signal).then(
          () => true,
          () => false,
        );
        if (waited) continue;
      }
      if (signal.aborted) await endStage(video.id, stage, 'cancelled', CANCELLED);
      else await endStage(video.id, stage, 'failed', describeFailure(error));
      return;
    }
  }
}

/** Records on a finished stage's row how many transient failures it got over. */
async function noteRetries(videoId: string, stage: StageName, retries: number): Promise<void> {
  const row = (await listStages(videoId)).find((r) => r.stage === stage);
  if (row?.state !== 'done') return;
  const noted = { ...row, stats: { ...row.stats, retries } };
  await putStage(noted);
  reportStage(noted);
}

const CANCELLED = 'Cancelled — analyse again whenever you like.';

/** Shows a stage as waiting its turn, and stores that. */
function markQueued(videoId: string, stage: StageName): void {
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

/**
 * Queues a video's stages, or only the named ones; `resume` names stages that continue from the
 * rows they already stored. Resolves when they end. In a tab that doesn't lead the analysis,
 * the leading tab runs them (analysis-leader.ts).
 */
export async function analyseVideo(
  videoId: string,
  only?: readonly StageName[],
  resume: readonly StageName[] = [],
): Promise<void> {
  if (!(await leadsAnalysis())) return askLeader({ kind: 'analyse', videoId, only, resume });
  return analyseHere(videoId, only, resume);
}

function analyseHere(
  videoId: string,
  only: readonly StageName[] | undefined,
  resume: readonly StageName[],
): Promise<void> {
  jobs.get(videoId)?.controller.abort();
  // What was asked shows as queued now; what it reads and isn't stored joins when the run starts.
  const asked = STAGE_NAMES.filter((stage) => !only || only.includes(stage));
  for (const stage of asked) markQueued(videoId, stage);
  const job: Job = {
    controller: new AbortController(),
    requested: only,
    stages: asked,
    resume: new Set(resume),
    started: false,
    done: Promise.resolve(),
  };
  job.done = queue
    .enqueue(videoId, () => runStages(videoId, job))
    .finally(() => {
      if (jobs.get(videoId) === job) jobs.delete(videoId);
    });
  jobs.set(videoId, job);
  return job.done;
}

/**
 * Cancels a video's analysis. A running one is awaited until its worker has stopped writing; a
 * queued one is marked cancelled at once (no waiting for the videos ahead of it).
 */
export async function cancelAnalysis(videoId: string): Promise<void> {
  if (!(await leadsAnalysis())) return askLeader({ kind: 'cancel', videoId });
  const job = jobs.get(videoId);
  if (!job) return;
  job.controller.abort(new DOMException('Cancelled by the user', 'AbortError'));
  if (job.started) {
    await job.done.catch(() => undefined);
    return;
  }
  jobs.delete(videoId);
  for (const stage of job.stages) await endStage(videoId, stage, 'cancelled', CANCELLED);
}

/** What the leading tab does with another tab's request. */
function handleRequest(request: AnalysisRequest): Promise<void> {
  switch (request.kind) {
    case 'analyse':
      return analyseHere(request.videoId, request.only, request.resume);
    case 'cancel':
      return cancelAnalysis(request.videoId);
    case 'retry':
      return retryAnalysis(request.videoId);
    case 'focus':
      queue.focus(request.videoId);
      return Promise.resolve();
  }
}

/**
 * On start: loads stage status and joins the tabs' analysis (analysis-leader.ts). The tab that
 * leads goes on with what a closed tab left unfinished; the others watch it, and take over the
 * same way when it closes.
 */
export async function resumeAnalyses(): Promise<void> {
  (await listAllStages()).forEach(reportStage);
  const leads = await joinAnalysis({
    handle: handleRequest,
    onLead: resumeUnfinished,
    onStage: reportStage,
  });
  if (leads) await resumeUnfinished();
}

/**
 * Goes on with what a closed tab left unfinished. A stage that was running continues from its
 * stored rows (its checkpoint); queued ones start afresh (rows they hold are from an earlier
 * run). Finished stages are not run again.
 */
async function resumeUnfinished(): Promise<void> {
  const stages = await listAllStages();
  const analysed = new Set(stages.map((s) => s.videoId));
  const auto = readSettings().autoAnalyse;
  for (const video of await listVideos()) {
    const mine = stages.filter((s) => s.videoId === video.id);
    const unfinished = mine.filter((s) => s.state === 'queued' || s.state === 'running');
    const running = unfinished.filter((s) => s.state === 'running').map((s) => s.stage);
    if (unfinished.length > 0) {
      void analyseVideo(
        video.id,
        unfinished.map((s) => s.stage),
        running,
      );
    } else if (auto && !analysed.has(video.id)) {
      void analyseVideo(video.id);
    }
  }
}

/**
 * What "Analyse again" runs: the stages that failed or were cancelled, each from the checkpoint
 * it had stored (a crash late in a two-hour transcript keeps the chunks done), and the stages
 * that read them, afresh. With nothing failed, the whole analysis runs again from the start.
 */
export function retryPlan(rows: readonly Pick<StageRecord, 'stage' | 'state'>[]): {
  only: StageName[] | undefined;
  resume: StageName[];
} {
  const broken = new Set(
    rows.filter((r) => r.state === 'failed' || r.state === 'cancelled').map((r) => r.stage),
  );
  if (broken.size === 0) return { only: undefined, resume: [] };
  // A stage resumes only if nothing it reads runs again (its checkpoint was made from those).
  const rerunBelow = (stage: StageName) =>
    withDependents(new Set([...broken].filter((other) => other !== stage))).includes(stage);
  return {
    only: withDependents(broken),
    resume: [...broken].filter((stage) => !rerunBelow(stage)),
  };
}

/** "Analyse again" (see retryPlan). */
export async function retryAnalysis(videoId: string): Promise<void> {
  if (!(await leadsAnalysis())) return askLeader({ kind: 'retry', videoId });
  const { only, resume } = retryPlan(await listStages(videoId));
  return analyseVideo(videoId, only, resume);
}
