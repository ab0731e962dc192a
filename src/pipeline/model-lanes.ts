import type { StageName } from '../shared/stages';

/**
 * The stages that run a model worker, in the order a free lane is given to them. With several
 * lanes the longest goes first, so the long captioning pass overlaps the others instead of
 * following them. With one lane the total is the same whatever the order, so the quick stages
 * go first and objects, on-screen text and speech can be asked about sooner. (Media stages
 * decode in their own workers and are not counted: they come first and are short.)
 */
const LONGEST_FIRST: readonly StageName[] = [
  'captions',
  'transcript',
  'speakers',
  'objects',
  'text',
  'embeddings',
];
const QUICKEST_FIRST: readonly StageName[] = [
  'objects',
  'text',
  'transcript',
  'speakers',
  'captions',
  'embeddings',
];

/**
 * A few lanes model stages take turns on; stages that run no model pass straight through. While
 * every lane is busy, the stage next in line — of those this run `expect`s and has not started,
 * whether its inputs are ready yet or not — is handed to `loadAhead` once, so its model loads
 * behind the running stage instead of after it.
 */
export class ModelLanes {
  private free: number;
  private readonly order: readonly StageName[];
  private readonly waiting: { rank: number; start: () => void }[] = [];
  /** Stages of this run that have not started, by rank. */
  private readonly upcoming = new Map<StageName, number>();
  private readonly loadedAhead = new Set<StageName>();

  constructor(
    count: number,
    private readonly loadAhead: (stage: StageName) => void = () => {},
  ) {
    this.free = count;
    this.order = count > 1 ? LONGEST_FIRST : QUICKEST_FIRST;
  }

  /** Tells the lanes `stage` will run, before its inputs are ready (so it can be loaded ahead). */
  expect(stage: StageName): void {
    const rank = this.order.indexOf(stage);
    if (rank >= 0) this.upcoming.set(stage, rank);
  }

  /**
   * Runs `work` for `stage` once a lane is free (at once for a stage that runs no model). Stages
   * that become ready together (the frame models, when the frames land) are ranked first: a
   * lane is handed out a task later, not to whichever asked first.
   */
  async run<T>(stage: StageName, work: () => Promise<T>): Promise<T> {
    const rank = this.order.indexOf(stage);
    if (rank < 0) return work();
    this.upcoming.set(stage, rank);
    await new Promise<void>((start) => {
      const at = this.waiting.findIndex((w) => w.rank > rank);
      this.waiting.splice(at < 0 ? this.waiting.length : at, 0, {
        rank,
        start: () => {
          this.upcoming.delete(stage);
          start();
        },
      });
      setTimeout(() => this.dispatch(), 0);
    });
    try {
      return await work();
    } finally {
      this.free++;
      this.dispatch();
    }
  }

  private dispatch(): void {
    while (this.free > 0) {
      const next = this.waiting.shift();
      if (!next) break;
      this.free--;
      next.start();
    }
    if (this.free > 0) return;
    const [next] = [...this.upcoming].sort((a, b) => a[1] - b[1]).map(([stage]) => stage);
    if (next === undefined || this.loadedAhead.has(next)) return;
    this.loadedAhead.add(next);
    this.loadAhead(next);
  }
}
