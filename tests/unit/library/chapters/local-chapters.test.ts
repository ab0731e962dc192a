import { describe, expect, it } from 'vitest';
import { checkChapters } from '../../../../src/library/chapters/check-chapters';
import { toChapterList, toVttChapters } from '../../../../src/library/chapters/chapter-formats';
import { chaptersFromSlides } from '../../../../src/library/chapters/slide-chapters';
import { fitTranscript, spreadOut } from '../../../../src/agent/chapter-request';

/** The lecture's shots: a slide opens 0, 60, 120 and 180 s; footage between. */
const LECTURE = {
  duration: 300,
  scenes: [0, 20, 60, 80, 120, 140, 180, 210, 300]
    .slice(0, -1)
    .map((start, i, cuts) => ({ start, end: cuts[i + 1] ?? 300 })),
  texts: [
    { text: 'Welcome to the city tour', start: 0, end: 20 },
    { text: 'Chapter one - public transport', start: 60, end: 80 },
    { text: 'Chapter two - sports', start: 120, end: 140 },
    { text: 'Summary - buses and ties', start: 180, end: 210 },
    { text: 'BUS 42', start: 30, end: 40 }, // a sign in the footage, mid-shot
  ],
  captions: [{ t: 25, caption: 'a blue bus on a street' }],
  transcript: [{ start: 1, text: 'Welcome to the city tour.' }],
};

describe('chaptersFromSlides', () => {
  it('opens a chapter at each shot that starts on a slide, titled by it, footage folded in', () => {
    expect(chaptersFromSlides(LECTURE)).toEqual([
      { start: 0, end: 60, title: 'Welcome to the city tour' },
      { start: 60, end: 120, title: 'Chapter one - public transport' },
      { start: 120, end: 180, title: 'Chapter two - sports' },
      { start: 180, end: 300, title: 'Summary - buses and ties' },
    ]);
  });

  it('adds an opening chapter at 0:00 when the first slide comes later', () => {
    const late = { ...LECTURE, texts: LECTURE.texts.slice(1, 3) };
    const chapters = chaptersFromSlides(late);
    expect(chapters[0]).toEqual({ start: 0, end: 60, title: 'a blue bus on a street' });
    expect(chapters.map((c) => c.start)).toEqual([0, 60, 120]);
  });

  it('without slides, merges scenes titled by captions; without scenes, by what is said', () => {
    const chapters = chaptersFromSlides({ ...LECTURE, texts: [] });
    expect(chapters[0]?.start).toBe(0);
    expect(chapters.every((c) => c.end - c.start >= 30)).toBe(true);
    const memo = chaptersFromSlides({
      ...LECTURE,
      scenes: [],
      texts: [],
      captions: [],
      transcript: [
        { start: 2, text: 'First we talk about the budget for next year.' },
        { start: 45, text: 'Then the hiring plan and who joins when.' },
      ],
    });
    expect(memo.map((c) => [c.start, c.title])).toEqual([
      [0, 'First we talk about the budget for next year.'],
      [45, 'Then the hiring plan and who joins when.'],
    ]);
  });
});

describe('checkChapters', () => {
  const anchors = { duration: 300, moments: [0, 20, 60, 80, 120, 180, 61.5] };
  it('snaps starts to moments of the index, drops invented and out-of-video ones, first at 0', () => {
    const { chapters, dropped } = checkChapters(
      [
        { start: 118, title: ' Sports\n and games ' },
        { start: 2, title: 'Welcome' },
        { start: 95, title: 'Nothing happens here' }, // no cut, line or slide near 95 s
        { start: 400, title: 'After the end' },
        { start: 63, title: 'Transport' },
        { start: 182, title: 'gsk_abcdefghijklmnopqrstuvwxyz0123456789 summary' },
        { start: 65, title: 'Too close to the one before' },
        { start: 150, title: '   ' },
      ],
      anchors,
    );
    expect(chapters.map((c) => [c.start, c.end])).toEqual([
      [0, 61.5],
      [61.5, 120],
      [120, 180],
      [180, 300],
    ]);
    expect(chapters[2]?.title).toBe('Sports and games');
    expect(chapters[3]?.title).not.toContain('gsk_abcdefghij');
    expect(dropped).toBe(4);
  });
});

describe('chapter formats', () => {
  const chapters = [
    { start: 0, end: 61.5, title: 'Welcome & <intro>' },
    { start: 61.5, end: 3725, title: 'The rest' },
    { start: 3725, end: 3800, title: 'Past an hour' },
  ];
  it('a WebVTT chapters track: one cue per chapter, the text escaped', () => {
    expect(toVttChapters(chapters)).toBe(
      'WEBVTT\n\n1\n00:00:00.000 --> 00:01:01.500\nWelcome &amp; &lt;intro&gt;\n\n' +
        '2\n00:01:01.500 --> 01:02:05.000\nThe rest\n\n3\n01:02:05.000 --> 01:03:20.000\nPast an hour\n',
    );
  });
  it('a "0:00 Title" list for a description', () => {
    expect(toChapterList(chapters)).toBe(
      '0:00 Welcome & <intro>\n1:01 The rest\n1:02:05 Past an hour\n',
    );
  });
});

describe('fitTranscript', () => {
  it('keeps a short transcript whole and shortens a long one evenly, starts kept', () => {
    const short = [{ start: 1, text: ' hello ' }];
    expect(fitTranscript(short)).toEqual([{ start: 1, text: 'hello' }]);
    const long = Array.from({ length: 2000 }, (_, i) => ({
      start: i * 3,
      text: 'word '.repeat(40),
    }));
    const fitted = fitTranscript(long, 16_000);
    const chars = fitted.reduce((sum, l) => sum + l.text.length, 0);
    expect(chars).toBeLessThanOrEqual(16_000 * 1.1);
    expect(fitted[0]?.start).toBe(0);
    expect(fitted.at(-1)?.start).toBeGreaterThan(5000);
  });
});

describe('spreadOut', () => {
  it('keeps a short list whole and takes a long one evenly from start to end', () => {
    expect(spreadOut([1, 2, 3], 5)).toEqual([1, 2, 3]);
    const scenes = Array.from({ length: 3000 }, (_, i) => i);
    const kept = spreadOut(scenes, 150);
    expect(kept).toHaveLength(150);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBeGreaterThan(2900);
  });
});
