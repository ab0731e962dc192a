import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { kindsIn, withholdByKinds, WITHHELD } from '../../../src/tools/content-kinds';
import { defineTool, withContentKinds } from '../../../src/tools/tool';
import { SHARE_EVERYTHING } from '../../../src/shared/share-with-groq';

const RESULT = {
  video_id: 'city',
  query: 'bus',
  results: [{ start: 5, end: 12, text: 'a blue bus', speaker: 'x' }],
  answer: { said: 'bus at the stop' },
  notes: ['still processing'],
};
const KINDS = {
  results: { text: 'transcript' },
  answer: { said: ['transcript', 'objectNames'] },
} as const;

describe('withholdByKinds', () => {
  it('withholds only the declared strings of kinds switched off, keeping ids, times and queries', () => {
    const { value, withheld, holds } = withholdByKinds(RESULT, KINDS, {
      ...SHARE_EVERYTHING,
      objectNames: false,
    });
    expect(value).toEqual({
      ...RESULT,
      answer: { said: WITHHELD },
    });
    expect([...withheld]).toEqual(['objectNames']);
    expect([...holds]).toEqual(['transcript']);
  });

  it('a string of several kinds goes only when all of them may', () => {
    const off = { ...SHARE_EVERYTHING, transcript: false };
    const { value } = withholdByKinds(RESULT, KINDS, off);
    expect(value.results[0]?.text).toBe(WITHHELD);
    expect(value.answer.said).toBe(WITHHELD);
    expect(value.results[0]?.speaker).toBe('x');
  });

  it('kindsIn names the kinds a value holds, empty strings aside', () => {
    expect([...kindsIn(RESULT, KINDS)].sort()).toEqual(['objectNames', 'transcript']);
    const empty = { ...RESULT, results: [] as typeof RESULT.results, answer: { said: ' ' } };
    expect([...kindsIn(empty, KINDS)]).toEqual([]);
  });

  it('a declaration is checked against the tool’s result type', () => {
    const tool = defineTool({
      name: 't',
      description: 'd',
      parameters: z.object({}),
      execute: async () => ({ lines: [{ text: 'x' }] }),
    });
    expect(withContentKinds(tool, { lines: { text: 'transcript' } }).contentKinds).toBeDefined();
    // @ts-expect-error — `line` is not a field of the result: a renamed field fails the build.
    withContentKinds(tool, { line: { text: 'transcript' } });
  });
});
