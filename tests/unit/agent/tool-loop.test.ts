import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import Groq from 'groq-sdk';
import { AgentError, describeAgentError } from '../../../src/agent/agent-errors';
import { trimForModel } from '../../../src/agent/tool-schemas';
import { checkCitations } from '../../../src/agent/citations';
import { formatTimestamp, parseTimestamp } from '../../../src/tools/moments';
import { createGroqClient, listGroqModels } from '../../../src/agent/groq-client';
import { systemPrompt } from '../../../src/agent/persona';
import { runTurn, type TurnOptions } from '../../../src/agent/tool-loop';
import { TOOL_DATA_NOTICE } from '../../../src/agent/untrusted-content';
import { BriDatabase } from '../../../src/db';
import { clearLog, logEvent, readLog } from '../../../src/diagnostics/session-log';
import { executeTool } from '../../../src/tools/registry';
import { FakeGroq } from '../../support/fake-groq';
import { seedCity, testContext } from '../tools/seeded-library';

const fake = new FakeGroq();
let baseUrl = '';
let db: BriDatabase;
beforeAll(async () => {
  baseUrl = await fake.start();
});
afterAll(() => fake.stop());
beforeEach(async () => {
  fake.requests.length = 0;
  db = new BriDatabase(`test-${crypto.randomUUID()}`);
  await seedCity(db);
});
afterEach(() => db.delete());

function turn(question: string, options: Partial<TurnOptions> = {}): TurnOptions {
  return {
    client: createGroqClient({ apiKey: fake.apiKey, baseUrl }),
    model: 'openai/gpt-oss-20b',
    messages: [
      {
        role: 'system',
        content: systemPrompt({
          video: { id: 'city', name: 'city.mp4', duration: 60 },
          stillProcessing: [],
        }),
      },
      { role: 'user', content: question },
    ],
    execute: (name, args) => executeTool(name, args, testContext(db)),
    ...options,
  };
}

describe('runTurn against a server speaking Groq’s protocol', () => {
  it('calls find_object, streams the cited answer and checks its citations', async () => {
    const answer = 'The bus is there from [00:05] to [00:15].';
    fake.script(
      { toolCalls: [{ name: 'find_object', arguments: { video_id: 'city', label: 'bus' } }] },
      { text: answer },
    );
    const tokens: string[] = [];
    const result = await runTurn(
      turn('When does the bus appear?', { onToken: (t) => tokens.push(t) }),
    );

    expect(result.text).toBe(answer);
    expect(tokens.join('')).toBe(answer);
    expect(result.steps).toBe(2);
    expect(result.toolCalls).toHaveLength(1);
    expect(result.toolCalls[0]).toMatchObject({
      name: 'find_object',
      outcome: { ok: true, result: { ranges: [{ start: 5, end: 15 }] } },
    });
    const [first, second] = fake.requests;
    expect(first?.stream).toBe(true);
    expect(first?.tool_choice).toBe('auto');
    expect(first?.tools?.map((t) => t.function.name)).toContain('find_object');
    expect(second?.messages.at(-1)).toMatchObject({
      role: 'tool',
      content: expect.stringContaining(
        '"ranges":[{"video_id":"city","label":"bus","start":5,"end":15',
      ),
    });
    expect(checkCitations(result.text, result.toolCalls)).toEqual({
      citations: [
        { video_id: 'city', t: 5, at: 5, label: '[00:05]' },
        { video_id: 'city', t: 15, at: 15, label: '[00:15]' },
      ],
      invented: [],
    });
  });

  it('never turns a moment no tool returned into a citation', async () => {
    fake.script(
      { toolCalls: [{ name: 'find_object', arguments: { label: 'bus' } }] },
      { text: 'A bus at [00:10], and one at [00:45].' },
    );
    const result = await runTurn(turn('When is the bus there?'));
    expect(checkCitations(result.text, result.toolCalls)).toEqual({
      citations: [{ video_id: 'city', t: 10, at: 10, label: '[00:10]' }],
      invented: ['[00:45]'],
    });
  });

  it('sends malformed tool arguments back as a tool error, and the model recovers', async () => {
    fake.script(
      { toolCalls: [{ name: 'find_object', arguments: '{"label": bus' }] },
      { toolCalls: [{ name: 'find_object', arguments: { label: 'bus' } }] },
      { text: 'From [00:05].' },
    );
    const result = await runTurn(turn('bus?'));
    expect(result.toolCalls[0]?.outcome).toEqual({
      ok: false,
      tool: 'find_object',
      error: {
        code: 'invalid_arguments',
        message: 'The arguments were not valid JSON: {"label": bus',
      },
    });
    expect(result.toolCalls[1]?.outcome.ok).toBe(true);
    expect(result.text).toBe('From [00:05].');
  });

  it('makes the last allowed step answer without tools', async () => {
    fake.script(
      { toolCalls: [{ name: 'get_video_overview', arguments: {} }] },
      { text: 'It is a city tour.' },
    );
    const result = await runTurn(turn('What is this?', { maxSteps: 2 }));
    expect(fake.requests.map((r) => r.tool_choice)).toEqual(['auto', 'none']);
    expect(result.text).toBe('It is a city tour.');
  });

  it('lets groq-sdk retry: it honours retry-after on a rate limit and backs off a server error', async () => {
    fake.receivedAt.length = 0;
    fake.script(
      { status: 429, headers: { 'retry-after': '1' } },
      { status: 503 },
      { text: 'Hello.' },
    );
    expect((await runTurn(turn('hi'))).text).toBe('Hello.');
    expect(fake.requests).toHaveLength(3);
    const [first = 0, second = 0] = fake.receivedAt;
    // The SDK waited as long as Groq asked before asking again.
    expect(second - first).toBeGreaterThanOrEqual(950);
  });

  it('never retries a stream that broke mid-answer, so no text is shown twice', async () => {
    fake.script({ text: 'The bus comes at the start and again later on.', dropAfterPieces: 3 });
    const tokens: string[] = [];
    const failure = await runTurn(turn('bus?', { onToken: (t) => tokens.push(t) })).then(
      () => null,
      (error: unknown) => (error instanceof AgentError ? error.failure : error),
    );
    expect(failure).toMatchObject({ code: 'interrupted', retryable: true });
    expect(fake.requests).toHaveLength(1);
    expect(tokens.join('')).toBe('The bus comes ');
  });

  it('ends with a plain-words AgentError: bad key, long rate limit, repeated server errors, no network', async () => {
    const failure = async (options: Partial<TurnOptions>) =>
      runTurn(turn('hi', options)).then(
        () => null,
        (error: unknown) => (error instanceof AgentError ? error.failure : error),
      );
    expect(await failure({ client: createGroqClient({ apiKey: 'gsk_wrong', baseUrl }) })).toEqual({
      code: 'bad_key',
      message: 'Groq did not accept your API key. Check it in Settings (it starts with "gsk_").',
      retryable: false,
    });
    // A wait longer than GROQ_MAX_WAIT_S is the person's call: no retry, said at once.
    fake.script({ status: 429, headers: { 'retry-after': '120' } });
    const requestsBefore = fake.requests.length;
    expect(await failure({})).toEqual({
      code: 'rate_limited',
      message: "Groq's rate limit was reached. Try again in 120 s.",
      retryAfterS: 120,
      retryable: true,
    });
    expect(fake.requests.length - requestsBefore).toBe(1);
    fake.script({ status: 500 }, { status: 500 }, { status: 500 });
    expect(await failure({})).toMatchObject({ code: 'server', retryable: true });
    const offline = createGroqClient({ apiKey: fake.apiKey, baseUrl: 'http://127.0.0.1:9' });
    expect(await failure({ client: offline })).toMatchObject({ code: 'network', retryable: true });
  });

  it('lists the models the key can use', async () => {
    expect(await listGroqModels({ apiKey: fake.apiKey, baseUrl })).toEqual([
      'llama-3.3-70b-versatile',
      'openai/gpt-oss-20b',
    ]);
  });
});

describe('what the model is sent', () => {
  it('gets get_context_at as Visual / Audio / Objects / On-screen text sections', async () => {
    fake.script(
      { toolCalls: [{ name: 'get_context_at', arguments: { t: 42, window_s: 3 } }] },
      { text: 'ok' },
    );
    await runTurn(turn('What is on screen at 0:42?'));
    expect(fake.requests[1]?.messages.at(-1)).toEqual({
      role: 'tool',
      tool_call_id: expect.any(String),
      content: [
        TOOL_DATA_NOTICE,
        'Context of video city around [00:42] ([00:39]–[00:45]):',
        'Visual: [00:40] a slide with text; [00:45] a slide with text',
        'Audio: [00:30] “Public transport keeps the city moving.”',
        'Objects: (nothing indexed)',
        'On-screen text: “Chapter one - public transport”, “Chapterone-public transport”',
      ].join('\n'),
    });
  });

  it('gets a long result cut to its token budget, best results kept and the cut marked', () => {
    const results = Array.from({ length: 200 }, (_, i) => ({ start: i, text: 'word '.repeat(20) }));
    const text = trimForModel({ ok: true, tool: 'search_transcript', result: { results } }, 300);
    expect(text.length).toBeLessThanOrEqual(1200);
    const parsed = JSON.parse(text) as {
      result: { results: ({ start: number } | { truncated: number })[] };
    };
    expect(parsed.result.results[0]).toMatchObject({ start: 0 });
    expect(parsed.result.results.at(-1)).toEqual({
      truncated: 200 - (parsed.result.results.length - 1),
    });
  });

  it('maps a timeout to plain words', () => {
    expect(describeAgentError(new Groq.APIConnectionTimeoutError())).toMatchObject({
      code: 'timeout',
      retryable: true,
    });
  });
});

describe('the fake is strict, like the real API', () => {
  it('refuses a tool result that answers no tool call, and tools the request did not offer', async () => {
    const post = (body: object) =>
      fetch(`${baseUrl}/openai/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${fake.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const orphan = await post({
      model: 'm',
      messages: [{ role: 'tool', tool_call_id: 'x', content: '{}' }],
    });
    expect(orphan.status).toBe(400);
    fake.script({ toolCalls: [{ name: 'find_object', arguments: {} }] });
    const unoffered = await post({ model: 'm', messages: [{ role: 'user', content: 'hi' }] });
    expect(unoffered.status).toBe(400);
    expect(((await unoffered.json()) as { error: { code: string } }).error.code).toBe(
      'tool_use_failed',
    );
  });
});

describe('timestamps', () => {
  it('reads and writes [mm:ss] and [h:mm:ss]', () => {
    expect(parseTimestamp('[02:20]')).toBe(140);
    expect(parseTimestamp('[1:02:03]')).toBe(3723);
    expect(formatTimestamp(140.7)).toBe('[02:20]');
    expect(formatTimestamp(3723)).toBe('[1:02:03]');
  });
});

describe('the Groq key goes nowhere it was not meant to', () => {
  it('is never repeated to the person or written to the log, even when a server echoes it', async () => {
    clearLog();
    fake.script({
      status: 400,
      message: `Bad request from Bearer ${fake.apiKey} (gsk_other_key_123)`,
    });
    const failure = await runTurn(turn('hi')).then(
      () => null,
      (error: unknown) => (error instanceof AgentError ? error.failure : error),
    );
    expect(failure).toMatchObject({ code: 'refused' });
    const message = (failure as { message: string }).message;
    expect(message).not.toContain(fake.apiKey);
    expect(message).not.toContain('gsk_other_key_123');
    expect(message).toContain('[key hidden]');
    logEvent({ level: 'error', component: 'agent', message, data: { echoed: fake.apiKey } });
    logEvent({ level: 'error', component: 'app', message: `uncaught: ${fake.apiKey}` });
    expect(JSON.stringify(readLog())).not.toContain(fake.apiKey);
  });
});
