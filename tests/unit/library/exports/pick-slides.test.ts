import { describe, expect, it } from 'vitest';
import {
  foldRepeatedShots,
  pickSlides,
  textSimilarity,
} from '../../../../src/library/exports/pick-slides';

const frame = (t: number, sceneIndex: number, ...lines: string[]) => ({ t, sceneIndex, lines });

describe('pickSlides', () => {
  it('one page per shot, a held slide read with OCR noise folded into one page', () => {
    const pages = pickSlides(
      [
        frame(0, 0, 'Welcome to the city tour'),
        frame(4, 0, 'Welcome to the city tour'),
        frame(8, 0), // OCR missed the slide here: not a new page
        frame(12, 0, 'Welcome t0 the city tour'),
        frame(20, 1),
        frame(24, 1),
        frame(28, 1),
        frame(60, 2, 'Chapter one - public transport'),
      ],
      80,
    );
    expect(pages.map((p) => [p.t, p.start, p.end, p.lines])).toEqual([
      [0, 0, 20, ['Welcome to the city tour']],
      [24, 20, 60, []], // footage: its middle frame
      [60, 60, 80, ['Chapter one - public transport']],
    ]);
  });

  it('splits a shot where the slide changes without a cut, and folds a slide shown again', () => {
    const pages = pickSlides(
      [
        frame(0, 0, 'Agenda', 'Buses and trams'),
        frame(10, 0, 'Results', 'Ridership up 12%'),
        frame(20, 1),
        frame(30, 2, 'Agenda', 'Buses and trams'),
      ],
      40,
    );
    expect(pages.map((p) => [p.t, p.lines[0], p.alsoAt])).toEqual([
      [0, 'Agenda', [30]],
      [10, 'Results', []],
      [20, undefined, []],
    ]);
  });

  it('shows the frame with the most text of a slide being built up', () => {
    const pages = pickSlides(
      [frame(0, 0, 'Plan'), frame(5, 0, 'Plan', 'Plan one'), frame(9, 0, 'Plan', 'Plan one')],
      12,
    );
    expect(pages).toHaveLength(1);
    expect(pages[0]?.t).toBe(5);
  });
});

describe('textSimilarity', () => {
  it('is 1 for the same words, near 1 for a misread, low for another slide', () => {
    expect(textSimilarity(['Summary - buses and ties'], ['summary buses and ties'])).toBe(1);
    expect(
      textSimilarity(['Summary - buses and ties'], ['Summary - buses and tles']),
    ).toBeGreaterThanOrEqual(0.6);
    expect(
      textSimilarity(['Chapter two - sports'], ['Chapter one - public transport']),
    ).toBeLessThan(0.6);
  });
});

describe('foldRepeatedShots', () => {
  const look = (level: number) => new Float32Array(16).fill(level);
  it('folds footage cut back to into its first page; slides and other shots stay', () => {
    const pages = [
      { t: 0, start: 0, end: 20, lines: ['Welcome'], alsoAt: [] },
      { t: 30, start: 20, end: 60, lines: [], alsoAt: [] },
      { t: 100, start: 80, end: 120, lines: [], alsoAt: [] },
      { t: 160, start: 140, end: 180, lines: [], alsoAt: [] },
    ];
    const looks = new Map([
      [0, look(30)],
      [30, look(120)],
      [100, look(200)],
      [160, look(124)], // the bus footage again, re-encoded noise apart
    ]);
    const folded = foldRepeatedShots(pages, looks);
    expect(folded.map((p) => [p.t, p.alsoAt])).toEqual([
      [0, []],
      [30, [140]],
      [100, []],
    ]);
    // A page without a picture is never folded.
    expect(foldRepeatedShots(pages, new Map())).toHaveLength(4);
  });
});
