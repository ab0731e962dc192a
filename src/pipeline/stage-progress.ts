import type { ModelProgress, WorkProgress } from '../shared/model-progress';
import type { StageName } from '../db';
import type { Lineage } from '../shared/lineage';
import { logEvent } from '../diagnostics/session-log';
import { describeRace } from '../shared/backend-race';
import { progressWriter, updateQueuedStage, updateRunningStage } from './stage-rows';

/** Download details are written at most this often (a fast download fires hundreds of events). */
const DETAIL_EVERY_MS = 250;

/** "Downloading <file> 45 % (12.3 MB)" for a model download in progress. */
export function describeDownload(progress: ModelProgress): string | null {
  if (progress.status !== 'progress') return null;
  const percent = progress.total
    ? ` ${Math.round((progress.loaded / progress.total) * 100)} %`
    : '';
  return `Downloading ${progress.file}${percent} (${(progress.loaded / 1e6).toFixed(1)} MB)`;
}

/**
 * Progress of a model loading ahead of its queued stage (src/pipeline/load-ahead.ts): its
 * downloads on the stage's card, throttled like a running stage's.
 */
export function aheadProgress(videoId: string, stage: StageName): (progress: WorkProgress) => void {
  let last = 0;
  return (progress) => {
    // Once the files are in, the card must not sit at the last throttled percentage.
    if (progress.status === 'ready') {
      void updateQueuedStage(videoId, stage, 'Its model is loaded; waiting for its turn.');
      return;
    }
    const detail = progress.status === 'work' ? null : describeDownload(progress);
    if (!detail || Date.now() - last <= DETAIL_EVERY_MS) return;
    last = Date.now();
    void updateQueuedStage(videoId, stage, `Loading its model ahead — ${detail}`);
  };
}

/** How "auto" chose the device, for the log: the race it ran, or this device's earlier one. */
function chosenBy(ready: Extract<ModelProgress, { status: 'ready' }>): string {
  if (ready.remembered) return ' — the faster backend measured on this device before';
  if (!ready.race) return '';
  return ` — faster in a race: ${describeRace(ready.race)}`;
}

/**
 * Turns a model worker's progress into the stage row: download details, the work fraction (mapped
 * into `span` when a stage runs several models), and the device the model ended up on.
 */
export class StageProgress {
  device: Lineage['device'] = 'wasm';
  /** The weights type the model loaded with (fp32, fp16, q8…), once it is ready. */
  dtype: string | undefined;
  private lastDetail = 0;
  /** When the model's loading was first reported (download or cache read). */
  private loadStarted: number | null = null;
  private fraction: number;
  private readonly writeProgress: (fraction: number) => void;

  constructor(
    private readonly videoId: string,
    private readonly stage: StageName,
    private readonly span: [number, number] = [0, 1],
  ) {
    this.writeProgress = progressWriter(videoId, stage);
    this.fraction = span[0];
  }

  /** This stage's progress over a sub-range of its work. */
  within(span: [number, number]): StageProgress {
    return new StageProgress(this.videoId, this.stage, span);
  }

  readonly handle = (progress: WorkProgress): void => {
    if (progress.status === 'work') {
      const [from, to] = this.span;
      this.fraction = from + progress.fraction * (to - from);
      this.writeProgress(this.fraction);
    } else if (progress.status === 'ready') {
      this.device = progress.device === 'webgpu' ? 'webgpu' : 'wasm';
      this.dtype = progress.dtype;
      logEvent({
        level: 'info',
        component: 'models',
        videoId: this.videoId,
        message: `${this.stage}: ${progress.model} ready on ${this.device}${progress.dtype ? ` (${progress.dtype})` : ''}${progress.threads ? `, ${progress.threads} WASM ${progress.threads === 1 ? 'thread' : 'threads'}` : ''}${chosenBy(progress)}`,
        ...(this.loadStarted !== null ? { durationMs: Date.now() - this.loadStarted } : {}),
        data: {
          stage: this.stage,
          model: progress.model,
          device: this.device,
          dtype: progress.dtype ?? null,
          threads: progress.threads ?? null,
          raced: !!progress.race,
          remembered: progress.remembered ?? false,
        },
      });
    } else {
      this.loadStarted ??= Date.now();
      const detail = describeDownload(progress);
      if (detail && Date.now() - this.lastDetail > DETAIL_EVERY_MS) {
        this.lastDetail = Date.now();
        void updateRunningStage(this.videoId, this.stage, { detail, progress: this.fraction });
      }
    }
  };
}
