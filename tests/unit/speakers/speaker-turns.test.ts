import { describe, expect, it } from 'vitest';
import {
  speakerName,
  speakerOf,
  speakingTime,
  turnsFrom,
  withSpeakers,
} from '../../../src/shared/speaker-turns';

const words = (...list: [string, number, number][]) =>
  list.map(([text, start, end]) => ({ text, start, end }));

describe('turnsFrom', () => {
  it('joins one speaker’s nearby pieces and keeps two speakers at once', () => {
    const pieces = [
      { start: 0, end: 2 },
      { start: 2.3, end: 4 },
      { start: 3, end: 5 }, // speaker 2 talks over the end of speaker 1
      { start: 6, end: 8 },
    ];
    expect(turnsFrom(pieces, [1, 1, 2, 1])).toEqual([
      { start: 0, end: 4, speaker: 1 },
      { start: 3, end: 5, speaker: 2 },
      { start: 6, end: 8, speaker: 1 },
    ]);
  });
});

describe('withSpeakers', () => {
  const turns = [
    { start: 0, end: 4.1, speaker: 1 },
    { start: 4.2, end: 9, speaker: 2 },
  ];

  it('splits a segment at the word where the speaker changes', () => {
    const segment = {
      start: 2,
      end: 6,
      text: 'That is all. Thank you, Dana.',
      words: words(
        [' That', 2, 2.4],
        [' is', 2.4, 2.7],
        [' all.', 2.7, 4],
        [' Thank', 4.3, 4.7],
        [' you,', 4.7, 5],
        [' Dana.', 5, 6],
      ),
    };
    const split = withSpeakers([segment], turns);
    expect(split.map(({ start, end, text, speaker }) => ({ start, end, text, speaker }))).toEqual([
      { start: 2, end: 4, text: 'That is all.', speaker: 1 },
      { start: 4.3, end: 6, text: 'Thank you, Dana.', speaker: 2 },
    ]);
    expect(split[1]?.words.map((w) => w.text)).toEqual([' Thank', ' you,', ' Dana.']);
  });

  it('gives a segment without words the speaker it overlaps most', () => {
    const [line] = withSpeakers([{ start: 3, end: 8, text: 'Mostly the second.' }], turns);
    expect(line?.speaker).toBe(2);
  });

  it('leaves every speaker null when nobody was told apart', () => {
    expect(withSpeakers([{ start: 0, end: 1, text: 'Hi' }], [])).toEqual([
      { start: 0, end: 1, text: 'Hi', speaker: null },
    ]);
  });
});

describe('speakerOf, speakingTime and speakerName', () => {
  const turns = [
    { start: 0, end: 10, speaker: 1 },
    { start: 8, end: 12, speaker: 2 },
    { start: 20, end: 50, speaker: 2 },
  ];
  it('reads overlap, the nearest turn for an instant, and totals per speaker', () => {
    expect(speakerOf(turns, 9, 9)).toBe(1); // both talk: the lower number, deterministic
    expect(speakerOf(turns, 12.5, 12.5)).toBe(2); // just after a turn: its speaker
    expect(speakerOf(turns, 15, 16)).toBeNull();
    expect(speakingTime(turns)).toEqual([
      { speaker: 2, seconds: 34, turns: 2 },
      { speaker: 1, seconds: 10, turns: 1 },
    ]);
    expect(speakerName(1, { 1: 'Dana' })).toBe('Dana');
    expect(speakerName(2, { 1: 'Dana' })).toBe('Speaker 2');
  });
});
