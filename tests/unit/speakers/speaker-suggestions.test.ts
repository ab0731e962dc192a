import { describe, expect, it } from 'vitest';
import { suggestSpeakerNames } from '../../../src/shared/speaker-suggestions';

const turns = [
  { start: 0, end: 10, speaker: 1 },
  { start: 10.5, end: 20, speaker: 2 },
  { start: 18, end: 19, speaker: 1 }, // talks over speaker 2 for a second
];

describe('suggestSpeakerNames', () => {
  it('suggests a name tag shown while one speaker talks alone, written as a name', () => {
    const suggestions = suggestSpeakerNames({
      turns,
      onScreen: [
        { text: 'DANA REYES', start: 2, end: 8 },
        { text: 'SAM LEE', start: 15, end: 19.5 }, // two people talk then: no one to credit
        { text: 'Quarterly budget review 2026', start: 0, end: 20 }, // not a name tag
      ],
      said: [],
      names: {},
      dismissed: [],
    });
    expect(suggestions).toEqual([
      { speaker: 1, name: 'Dana Reyes', why: 'on screen', at: 2, evidence: 'DANA REYES' },
    ]);
    const edge = suggestSpeakerNames({
      turns: [
        { start: 0, end: 10, speaker: 1 },
        { start: 10.5, end: 18.5, speaker: 2 },
        { start: 19.1, end: 25, speaker: 1 },
      ],
      onScreen: [{ text: 'ALEX KIM', start: 11, end: 19.2 }],
      said: [],
      names: {},
      dismissed: [],
    });
    expect(edge.map((s) => [s.speaker, s.name])).toEqual([[2, 'Alex Kim']]);
  });

  it('suggests a self-introduction in the speaker’s own words, not a turn of phrase', () => {
    const suggestions = suggestSpeakerNames({
      turns,
      onScreen: [],
      said: [
        { text: "Hi, I'm Sam and I run the numbers.", start: 11, end: 14, speaker: 2 },
        { text: "I'm Sorry, I'm not sure.", start: 1, end: 3, speaker: 1 },
        { text: 'My name is Dana Reyes.', start: 4, end: 6, speaker: null },
      ],
      names: {},
      dismissed: [],
    });
    expect(suggestions.map(({ speaker, name, why }) => [speaker, name, why])).toEqual([
      [2, 'Sam', 'introduced'],
      [1, 'Dana Reyes', 'introduced'],
    ]);
  });

  it('leaves out a name the speaker has and one the person turned down', () => {
    const suggestions = suggestSpeakerNames({
      turns,
      onScreen: [{ text: 'DANA REYES', start: 2, end: 8 }],
      said: [{ text: "I'm Sam.", start: 11, end: 12, speaker: 2 }],
      names: { 1: 'Dana Reyes' },
      dismissed: ['2:Sam'],
    });
    expect(suggestions).toEqual([]);
  });
});
