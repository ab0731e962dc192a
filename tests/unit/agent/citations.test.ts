import { describe, expect, it } from 'vitest';
import { checkCitations, citedMoment } from '../../../src/agent/citations';
import type { ToolCallRecord } from '../../../src/agent/chat-types';

function found(result: unknown): ToolCallRecord {
  return {
    id: 'call_1',
    name: 'find_object',
    arguments: '{}',
    outcome: { ok: true, tool: 'find_object', result },
  };
}

describe('where a citation takes the player', () => {
  it('a label rounded down before the shot seeks to the shot, where the thumbnail is', () => {
    const calls = [
      found({ ranges: [{ video_id: 'v', label: 'bus', start: 140.023, end: 146.5 }] }),
    ];
    const { citations } = checkCitations('The bus is on screen at [02:20].', calls);
    expect(citations).toEqual([{ video_id: 'v', t: 140, at: 140.023, label: '[02:20]' }]);
    expect(citedMoment(citations[0]!)).toBe(140.023);
  });

  it('a label inside a range stays where it points; a tool moment is taken exactly', () => {
    const calls = [
      found({ ranges: [{ video_id: 'v', start: 10.4, end: 30.2 }] }),
      found({ video_id: 'v', frames: [{ t: 61.37 }] }),
    ];
    const { citations } = checkCitations('From [00:20], and again at [01:01].', calls);
    expect(citations.map((c) => [c.t, c.at])).toEqual([
      [20, 20],
      [61, 61.37],
    ]);
  });

  it('the evidence nearest the label wins over an earlier one further away', () => {
    const calls = [
      found([
        { video_id: 'v', t: 99 },
        { video_id: 'v', t: 100.2 },
      ]),
    ];
    const { citations } = checkCitations('At [01:40].', calls);
    expect(citations[0]?.at).toBe(100.2);
  });

  it('turns stored before `at` existed seek to their label', () => {
    expect(citedMoment({ t: 42 })).toBe(42);
  });
});
