import type { StageName, StageState } from '../db';

/** A stage and the stored results it reads: it can only run once those exist. */
interface StageNode {
  stage: StageName;
  reads: readonly StageName[];
}

/**
 * What each stage reads. `objects`, `text` and `captions` look at the stored frames;
 * `transcript` and `speakers` listen to the speech regions; `embeddings` indexes the frames and the text of
 * the transcript, captions and on-screen text.
 */
export const STAGE_GRAPH: readonly StageNode[] = [
  { stage: 'frames', reads: [] },
  { stage: 'speech', reads: [] },
  { stage: 'objects', reads: ['frames'] },
  { stage: 'text', reads: ['frames'] },
  { stage: 'transcript', reads: ['speech'] },
  { stage: 'speakers', reads: ['speech'] },
  { stage: 'captions', reads: ['frames'] },
  { stage: 'embeddings', reads: ['frames', 'transcript', 'captions', 'text'] },
];

/** States whose stored results a reader can use (a skipped stage has nothing to give, ever). */
const SETTLED: ReadonlySet<StageState> = new Set(['done', 'skipped']);

const ORDER = STAGE_GRAPH.map((node) => node.stage);
const inOrder = (stages: ReadonlySet<StageName>) => ORDER.filter((stage) => stages.has(stage));
const readsOf = (stage: StageName) => STAGE_GRAPH.find((n) => n.stage === stage)?.reads ?? [];

/**
 * The stages a run does for `requested` (all of them when undefined): those asked for, plus
 * every stage they read (transitively) whose results are not stored — captions asked for on a
 * fresh import bring the frames with them. In graph order.
 */
export function planStages(
  requested: readonly StageName[] | undefined,
  stored: ReadonlyMap<StageName, StageState>,
): StageName[] {
  const plan = new Set<StageName>(requested ?? ORDER);
  const pending = [...plan];
  for (let stage = pending.pop(); stage; stage = pending.pop()) {
    for (const input of readsOf(stage)) {
      const state = stored.get(input);
      if (plan.has(input) || (state && SETTLED.has(state))) continue;
      plan.add(input);
      pending.push(input);
    }
  }
  return inOrder(plan);
}

/**
 * What `stage` waits for in a run of `plan`: the stages of the run it reads. (How many model
 * stages run at once is the model lanes' business: model-lanes.ts.)
 */
export function waitsFor(stage: StageName, plan: readonly StageName[]): StageName[] {
  const inPlan = new Set(plan);
  return inOrder(new Set(readsOf(stage).filter((input) => inPlan.has(input))));
}

/** The stages that follow from `roots`: themselves and every stage that reads one of them. */
export function withDependents(roots: ReadonlySet<StageName>): StageName[] {
  const picked = new Set(roots);
  for (const { stage, reads } of STAGE_GRAPH)
    if (reads.some((input) => picked.has(input))) picked.add(stage);
  return inOrder(picked);
}
