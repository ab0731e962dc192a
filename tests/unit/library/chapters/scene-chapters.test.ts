import { describe, expect, it } from 'vitest';
import { chaptersFromScenes } from '../../../../src/library/chapters/scene-chapters';

const scenes = (cuts: number[]) =>
  cuts.slice(0, -1).map((start, i) => ({ start, end: cuts[i + 1] ?? start }));

describe('chaptersFromScenes', () => {
  it('merges short scenes into chapters of at least 30 s, titled by their first caption', () => {
    const chapters = chaptersFromScenes(scenes([0, 10, 25, 70, 80, 120]), 120, {
      captions: [
        { t: 2, caption: 'a woman at a lectern' },
        { t: 75, caption: 'a red bus on a street' },
      ],
      transcript: [{ start: 30, text: 'Now we turn to the numbers.' }],
    });
    expect(chapters).toEqual([
      { start: 0, end: 70, title: 'a woman at a lectern' },
      { start: 70, end: 120, title: 'a red bus on a street' },
    ]);
  });

  it('falls back to the first words said, then to a numbered part', () => {
    const chapters = chaptersFromScenes(scenes([0, 40, 80]), 80, {
      captions: [],
      transcript: [
        { start: 41, text: 'one two three four five six seven eight nine ten eleven twelve' },
      ],
    });
    expect(chapters.map((c) => c.title)).toEqual([
      'Part 1',
      'one two three four five six seven eight nine ten…',
    ]);
  });

  it('makes one chapter per twentieth of a long video at most', () => {
    const cuts = Array.from({ length: 361 }, (_, i) => i * 10); // an hour cut every 10 s
    expect(chaptersFromScenes(scenes(cuts), 3600, { captions: [], transcript: [] })).toHaveLength(
      20,
    );
  });
});
