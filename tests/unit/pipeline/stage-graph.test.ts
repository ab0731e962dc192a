import { describe, expect, it } from 'vitest';
import type { StageName, StageState } from '../../../src/db';
import {
  STAGE_GRAPH,
  planStages,
  waitsFor,
  withDependents,
} from '../../../src/pipeline/stage-graph';

const ALL = STAGE_GRAPH.map((n) => n.stage);
const readsOf = (stage: StageName) => STAGE_GRAPH.find((n) => n.stage === stage)?.reads ?? [];
const stored = (entries: [StageName, StageState][] = []) => new Map(entries);

/** Every non-empty subset of the stages. */
function subsets(): StageName[][] {
  const out: StageName[][] = [];
  for (let mask = 1; mask < 1 << ALL.length; mask++)
    out.push(ALL.filter((_, i) => mask & (1 << i)));
  return out;
}

/** In a run of `plan` with `done` stored, every stage has what it reads before it starts. */
function expectRunnable(plan: StageName[], done: ReadonlySet<StageName>) {
  for (const stage of plan) {
    const waits = waitsFor(stage, plan);
    for (const input of readsOf(stage)) {
      if (done.has(input)) continue;
      expect(plan, `${stage} reads ${input}`).toContain(input);
      expect(waits, `${stage} waits for ${input}`).toContain(input);
    }
    for (const wait of waits) {
      expect(plan).toContain(wait);
      expect(ALL.indexOf(wait)).toBeLessThan(ALL.indexOf(stage)); // no cycles
    }
  }
}

describe('stage graph', () => {
  it('on a fresh import, every subset brings what it reads and waits for it', () => {
    for (const requested of subsets()) {
      const plan = planStages(requested, stored());
      for (const stage of requested) expect(plan).toContain(stage);
      expectRunnable(plan, new Set());
    }
  });

  it('with everything stored, every subset runs only what was asked', () => {
    const done = stored(ALL.map((s) => [s, 'done']));
    for (const requested of subsets()) {
      const plan = planStages(requested, done);
      expect(plan).toEqual(ALL.filter((s) => requested.includes(s)));
      expectRunnable(plan, new Set(ALL));
    }
  });

  it('transcript + captions + embeddings on a fresh import: captions waits for the frames it reads', () => {
    const plan = planStages(['transcript', 'captions', 'embeddings'], stored());
    expect(plan).toEqual(['frames', 'speech', 'text', 'transcript', 'captions', 'embeddings']);
    expect(waitsFor('captions', plan)).toEqual(['frames']);
    expect(waitsFor('transcript', plan)).toEqual(['speech']);
    expect(waitsFor('embeddings', plan)).toEqual(['frames', 'text', 'transcript', 'captions']);
  });

  it('single stages: stored inputs are not run again; a skipped input counts as stored', () => {
    const framesDone = stored([['frames', 'done']]);
    expect(planStages(['captions'], framesDone)).toEqual(['captions']);
    expect(waitsFor('captions', ['captions'])).toEqual([]);
    expect(planStages(['captions'], stored())).toEqual(['frames', 'captions']);
    expect(planStages(['transcript'], stored([['speech', 'skipped']]))).toEqual(['transcript']);
    expect(planStages(['transcript'], stored([['speech', 'failed']]))).toEqual([
      'speech',
      'transcript',
    ]);
    expect(planStages(['frames'], stored())).toEqual(['frames']);
  });

  it('frame models wait only for the frames they read (lanes share the cores)', () => {
    expect(waitsFor('captions', ['frames', 'objects', 'captions'])).toEqual(['frames']);
    expect(waitsFor('text', ['frames', 'text'])).toEqual(['frames']);
    expect(waitsFor('objects', ALL)).toEqual(['frames']);
  });

  it('"Analyse again" re-runs a broken stage and whatever reads it', () => {
    expect(withDependents(new Set(['frames']))).toEqual([
      'frames',
      'objects',
      'text',
      'captions',
      'embeddings',
    ]);
    expect(withDependents(new Set(['speech']))).toEqual([
      'speech',
      'transcript',
      'speakers',
      'embeddings',
    ]);
    expect(withDependents(new Set(['objects']))).toEqual(['objects']);
  });
});
