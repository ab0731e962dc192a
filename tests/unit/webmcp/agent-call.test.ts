import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BriDatabase } from '../../../src/db';
import { SHARE_EVERYTHING } from '../../../src/shared/share-with-groq';
import type { ToolContext } from '../../../src/tools/tool';
import { answerAgentCall, type AgentCallScope } from '../../../src/webmcp/agent-call';
import { readAgentCalls } from '../../../src/webmcp/agents-took';
import { callLimiter } from '../../../src/webmcp/call-limits';
import { CITY, seedCity, testContext } from '../tools/seeded-library';

const PAGE = 'http://127.0.0.1:4173/';

describe('answerAgentCall', () => {
  let db: BriDatabase;
  let scope: AgentCallScope;
  beforeEach(async () => {
    db = new BriDatabase(`agent-call-${crypto.randomUUID()}`);
    await seedCity(db);
    scope = {
      context: testContext(db),
      share: { ...SHARE_EVERYTHING },
      page: PAGE,
      admit: callLimiter().admit,
    };
  });
  afterEach(() => db.delete());

  it('returns the tool’s text and its moments, each linked to the video at that time', async () => {
    const result = await answerAgentCall('find_object', { video_id: 'city', label: 'bus' }, scope);
    expect(result.isError).toBeUndefined();
    const moments = result.structuredContent?.moments as { start: number; link: string }[];
    expect(moments).toEqual([
      {
        video_id: 'city',
        start: 5,
        end: 15,
        label: 'bus',
        link: `${PAGE}#/video/city?t=5`,
      },
    ]);
    const [text] = result.content;
    expect(text?.type === 'text' && text.text).toContain(`${PAGE}#/video/city?t=5`);
  });

  it('withholds what the person keeps, by kind, from the text and the structured result', async () => {
    const said = CITY.chunks[1]!.segments[1]!.text;
    const shared = await answerAgentCall('search_library', { query: 'public transport' }, scope);
    expect(JSON.stringify(shared)).toContain(said);
    const kept = await answerAgentCall(
      'search_library',
      { query: 'public transport' },
      { ...scope, share: { ...SHARE_EVERYTHING, transcript: false, fileNames: false } },
    );
    const json = JSON.stringify(kept);
    expect(json).not.toContain(said);
    expect(json).toContain('Chapter one'); // on-screen text is still shared
    expect(json).toContain('Kept on the person’s device by their settings: transcript text');
    const names = await answerAgentCall(
      'list_videos',
      {},
      {
        ...scope,
        share: { ...SHARE_EVERYTHING, fileNames: false },
      },
    );
    expect(JSON.stringify(names)).not.toContain('city.mp4');
  });

  it('answers bad ids, times and arguments with what to do instead, and records every call', async () => {
    const before = readAgentCalls().length;
    const text = async (name: string, args: Record<string, unknown>) => {
      const result = await answerAgentCall(name, args, scope);
      expect(result.isError, name).toBe(true);
      return result.content.map((c) => (c.type === 'text' ? c.text : '')).join('');
    };
    expect(await text('find_object', { video_id: 'nope', label: 'bus' })).toBe(
      'No video with id "nope" in the library. Its videos: "city" (city.mp4).',
    );
    expect(await text('get_context_at', { video_id: 'city', t: 500 })).toBe(
      't = 500 s is past the end of "city.mp4" (60.0 s long).',
    );
    expect(await text('search_transcript', { query: 'bus', top_k: 'many' })).toMatch(
      /^Invalid arguments for search_transcript: top_k: /,
    );
    const calls = readAgentCalls().slice(before);
    expect(calls.map((c) => [c.tool, c.failed])).toEqual([
      ['find_object', true],
      ['get_context_at', true],
      ['search_transcript', true],
    ]);
    expect(JSON.parse(calls[0]!.args)).toEqual({ video_id: 'nope', label: 'bus' });
    expect(calls.every((c) => c.bytes > 50)).toBe(true);
  });

  it('caps calls per minute, look_again lower than the rest', async () => {
    let now = 0;
    const capped = { ...scope, admit: callLimiter(() => now).admit };
    const look = () => answerAgentCall('look_again', { video_id: 'city', t: 10 }, capped);
    for (let i = 0; i < 6; i++) expect((await look()).isError, `call ${i}`).toBeUndefined();
    const refused = await look();
    expect(refused.isError).toBe(true);
    expect(refused.content[0]).toEqual({
      type: 'text',
      text: 'Too many calls: at most 6 look_again calls a minute. Try again in 60 s.',
    });
    expect((await answerAgentCall('list_videos', {}, capped)).isError).toBeUndefined();
    now = 60_001;
    expect((await look()).isError).toBeUndefined();
  });

  it('stops at once when the agent cancels, and passes the cancellation on to the models', async () => {
    let seen: AbortSignal | undefined;
    const lookAt: ToolContext['lookAt'] = (_id, _times, signal) =>
      new Promise((_resolve, reject) => {
        seen = signal;
        signal?.addEventListener('abort', () => reject(signal.reason));
      });
    const abort = new AbortController();
    const call = answerAgentCall(
      'look_again',
      { video_id: 'city', t: 10 },
      { ...scope, context: testContext(db, { lookAt }), signal: abort.signal },
    );
    await expect.poll(() => seen).toBeDefined();
    abort.abort();
    const result = await call;
    expect(result.isError).toBe(true);
    expect(result.content[0]).toMatchObject({ text: expect.stringMatching(/^Cancelled/) });
    expect(seen?.aborted).toBe(true);
  });
});
