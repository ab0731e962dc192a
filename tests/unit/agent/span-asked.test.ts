import { describe, expect, it } from 'vitest';
import { spanAskedAbout } from '../../../src/agent/span-asked';

describe('spanAskedAbout', () => {
  it('a moment is looked at 5 s either side, inside the video', () => {
    expect(spanAskedAbout('What is on screen at 4:30?', 300)).toEqual({ start: 265, end: 275 });
    expect(spanAskedAbout('and at 0:02?', 300)).toEqual({ start: 0, end: 7 });
    expect(spanAskedAbout('What happens at 4:58?', 300)).toEqual({ start: 293, end: 300 });
  });

  it('a short stretch is itself; a long one, or none, is the stages’ work', () => {
    expect(spanAskedAbout('What happens in the last 30 seconds?', 300)).toEqual({
      start: 270,
      end: 300,
    });
    expect(spanAskedAbout('between 1:00 and 1:20, who speaks?', 300)).toEqual({
      start: 60,
      end: 80,
    });
    expect(spanAskedAbout('What happens in the second half?', 300)).toBeNull();
    expect(spanAskedAbout('What is this video about?', 300)).toBeNull();
  });
});
