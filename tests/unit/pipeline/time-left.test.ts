import { describe, expect, it } from 'vitest';
import { describeTimeLeft, estimateSecondsLeft } from '../../../src/pipeline/time-left';

describe('estimateSecondsLeft', () => {
  it('extrapolates the rate so far', () => {
    expect(estimateSecondsLeft(30_000, 0.25)).toBe(90);
    expect(estimateSecondsLeft(10_000, 0.5)).toBe(10);
  });

  it('says nothing too early (under 5 % or 3 s) or once finished', () => {
    expect(estimateSecondsLeft(60_000, 0.04)).toBeNull();
    expect(estimateSecondsLeft(2_000, 0.5)).toBeNull();
    expect(estimateSecondsLeft(60_000, 1)).toBeNull();
  });
});

describe('describeTimeLeft', () => {
  it('rounds to what a person can use', () => {
    expect(describeTimeLeft(4)).toBe('a few seconds left');
    expect(describeTimeLeft(44)).toBe('about 40 s left');
    expect(describeTimeLeft(150)).toBe('about 3 min left');
    expect(describeTimeLeft(5400)).toBe('about 1 h 30 min left');
  });
});
