import { describe, expect, it } from 'vitest';
import {
  describeReadyIn,
  videoSecondsLeft,
  type StageTiming,
} from '../../../src/pipeline/video-time-left';

const queued = (stage: StageTiming['stage']): StageTiming => ({
  stage,
  state: 'queued',
  progress: 0,
});

describe('the whole video’s time left', () => {
  it('is nothing once no stage is queued or running', () => {
    expect(
      videoSecondsLeft(300, [{ stage: 'frames', state: 'done', progress: 1, seconds: 8 }]),
    ).toBeNull();
  });

  it('adds the stages still to run, a running stage by its own estimate', () => {
    const all = videoSecondsLeft(300, [
      { stage: 'frames', state: 'running', progress: 0.5, secondsLeft: 4 },
      queued('transcript'),
    ]);
    // transcript's prior: 3 + 0.05 × 300 = 18 s.
    expect(all).toBeCloseTo(4 + 18, 5);
  });

  it('scales what is left by how fast the finished stages went on this video', () => {
    const slow = videoSecondsLeft(300, [
      { stage: 'frames', state: 'done', progress: 1, seconds: 20 }, // expected 10
      queued('transcript'),
    ]);
    expect(slow).toBeCloseTo(36, 5);
  });

  it('settles as stages finish: never up by half once two are done (the lecture, stage by stage)', () => {
    // Stage times as the bench measured the real-size lecture; each step one more stage done.
    const actual: [StageTiming['stage'], number][] = [
      ['frames', 7.8],
      ['speech', 9],
      ['objects', 1],
      ['text', 3],
      ['transcript', 8.8],
      ['captions', 13.5],
      ['embeddings', 4.8],
    ];
    const estimates: number[] = [];
    for (let done = 0; done < actual.length; done++) {
      const stages = actual.map(([stage, seconds], i): StageTiming =>
        i < done ? { stage, state: 'done', progress: 1, seconds } : queued(stage),
      );
      estimates.push(videoSecondsLeft(300, stages) ?? 0);
    }
    for (let i = 3; i < estimates.length; i++)
      expect(estimates[i]!).toBeLessThanOrEqual(estimates[i - 1]! * 1.5);
  });

  it('says it in words', () => {
    expect(describeReadyIn(5)).toBe('Ready in a few seconds');
    expect(describeReadyIn(44)).toBe('Ready in about 40 s');
    expect(describeReadyIn(150)).toBe('Ready in about 3 min');
  });
});
