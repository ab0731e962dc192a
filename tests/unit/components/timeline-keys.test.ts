import { describe, expect, it } from 'vitest';
import { moveCursor } from '../../../src/components/timeline-keys';

const lanes = [
  { blocks: [{ start: 0 }, { start: 20 }, { start: 40 }] },
  { blocks: [] },
  { blocks: [{ start: 5 }, { start: 38 }] },
];

describe('the timeline under the arrow keys', () => {
  it('moves along a lane and stops at its ends', () => {
    expect(moveCursor(lanes, { lane: 0, block: 0 }, 'ArrowRight')).toEqual({ lane: 0, block: 1 });
    expect(moveCursor(lanes, { lane: 0, block: 2 }, 'ArrowRight')).toEqual({ lane: 0, block: 2 });
    expect(moveCursor(lanes, { lane: 0, block: 0 }, 'ArrowLeft')).toEqual({ lane: 0, block: 0 });
    expect(moveCursor(lanes, { lane: 0, block: 1 }, 'End')).toEqual({ lane: 0, block: 2 });
    expect(moveCursor(lanes, { lane: 0, block: 2 }, 'Home')).toEqual({ lane: 0, block: 0 });
  });

  it('moves between lanes past empty ones, to the block nearest in time', () => {
    expect(moveCursor(lanes, { lane: 0, block: 2 }, 'ArrowDown')).toEqual({ lane: 2, block: 1 });
    expect(moveCursor(lanes, { lane: 2, block: 0 }, 'ArrowUp')).toEqual({ lane: 0, block: 0 });
    expect(moveCursor(lanes, { lane: 2, block: 0 }, 'ArrowDown')).toEqual({ lane: 2, block: 0 });
  });

  it('leaves other keys to the page', () => {
    expect(moveCursor(lanes, { lane: 0, block: 0 }, 'Enter')).toBeNull();
  });
});
