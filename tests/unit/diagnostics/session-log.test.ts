import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BriDatabase, type StageRecord } from '../../../src/db';
import { cacheFigures, stageTimings } from '../../../src/diagnostics/diagnostics-report';
import { clearLog, logEvent, readLog } from '../../../src/diagnostics/session-log';
import { reportStage } from '../../../src/pipeline/stage-status';
import { currentStages, resetStages } from '../../../src/pipeline/stage-events';
import { executeTool } from '../../../src/tools/registry';
import { seedCity, testContext } from '../tools/seeded-library';

const row = (state: StageRecord['state'], extra: Partial<StageRecord> = {}): StageRecord => ({
  videoId: 'v1',
  stage: 'frames',
  state,
  progress: 0,
  detail: null,
  stats: {},
  updatedAt: 0,
  ...extra,
});

beforeEach(clearLog);

describe('the session log', () => {
  it('keeps the newest 5000 entries', () => {
    for (let i = 0; i < 5003; i++) logEvent({ level: 'debug', component: 't', message: `#${i}` });
    const log = readLog();
    expect(log).toHaveLength(5000);
    expect(log[0]?.message).toBe('#3');
    expect(log.at(-1)?.message).toBe('#5002');
  });

  it('hands readers the same array until something new is logged', () => {
    logEvent({ level: 'info', component: 't', message: 'one' });
    const first = readLog();
    expect(readLog()).toBe(first);
    logEvent({ level: 'info', component: 't', message: 'two' });
    expect(readLog()).not.toBe(first);
    expect(readLog().map((e) => e.message)).toEqual(['one', 'two']);
  });
});

describe('stage timings', () => {
  beforeEach(resetStages);
  afterEach(() => vi.useRealTimers());

  /** Reports a stage row as the pipeline does, at `at` ms. */
  const report = (stageRow: StageRecord, at: number) => {
    vi.setSystemTime(at);
    reportStage(stageRow);
  };

  it('logs a stage once when it starts and once when it ends, with how long it ran', () => {
    vi.useFakeTimers();
    report(row('queued'), 0);
    report(row('running', { progress: 0.1 }), 1000);
    report(row('running', { progress: 0.5 }), 5000);
    expect(currentStages().secondsLeft['v1:frames']).toBe(4);
    report(row('done', { stats: { frames: 150, seconds: 4.5 } }), 7250);
    report(row('failed', { stage: 'captions', detail: 'model missing' }), 8000);
    const log = readLog();
    expect(log.map((e) => e.message)).toEqual([
      'frames started',
      'frames done',
      'captions failed: model missing',
    ]);
    expect(log[1]).toMatchObject({ level: 'info', durationMs: 6250, videoId: 'v1' });
    expect(log[1]?.data).toMatchObject({ stage: 'frames', state: 'done', frames: 150 });
    expect(log[2]?.level).toBe('error');
    expect(stageTimings(log)).toEqual([
      { videoId: 'v1', stage: 'frames', state: 'done', seconds: 6.25, workSeconds: 4.5 },
    ]);
  });
});

describe('tool calls in the log', () => {
  let db: BriDatabase;
  beforeEach(async () => {
    db = new BriDatabase(`diag-${crypto.randomUUID()}`);
    await seedCity(db);
  });
  afterEach(() => db.delete());

  it('records each call with its duration and whether the result cache answered', async () => {
    const context = testContext(db, { resultCache: { modelVersion: () => 'm1' } });
    await executeTool('search_transcript', { video_id: 'city', query: 'bus' }, context);
    await executeTool('search_transcript', { video_id: 'city', query: 'bus' }, context);
    await executeTool('find_object', { video_id: 'city', label: 'bus' }, context);
    const calls = readLog().filter((e) => e.component === 'tools');
    expect(calls.map((e) => e.message)).toEqual([
      'search_transcript',
      'search_transcript (cached)',
      'find_object',
    ]);
    expect(calls.every((e) => e.videoId === 'city' && (e.durationMs ?? -1) >= 0)).toBe(true);
    expect(cacheFigures(readLog())).toEqual({ hits: 1, misses: 1, hitRate: 0.5 });
  });
});
