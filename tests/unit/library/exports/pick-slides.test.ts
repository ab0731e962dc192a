import { describe, expect, it } from 'vitest';
import { pickSlides, textSimilarity } from '../../../../src/library/exports/pick-slides';

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
