import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BriDatabase, getVideo } from '../../../src/db';
import { resolveTimeReferences } from '../../../src/tools/query/resolve-time';
import { routeQuery } from '../../../src/tools/query/route-query';
import { parseTime, parseTimeReferences } from '../../../src/tools/query/time-references';
import { seedCity, testContext } from './seeded-library';

describe('parseTime', () => {
  it('reads clock times and spoken durations', () => {
    expect(parseTime('2:30')).toBe(150);
    expect(parseTime('1:02:03')).toBe(3723);
    expect(parseTime('90 seconds')).toBe(90);
    expect(parseTime('2 minutes')).toBe(120);
    expect(parseTime('half a minute')).toBe(30);
    expect(parseTime('2:75')).toBeNull();
    expect(parseTime('soon')).toBeNull();
  });
});

describe('parseTimeReferences (a 5-minute video)', () => {
  const cases: [string, unknown[]][] = [
    ['What happens at 2:30?', [{ kind: 'moment', t: 150, text: 'at 2:30' }]],
    ['Show me 1:02:03', [{ kind: 'moment', t: 300, text: '1:02:03' }]],
    ['around 45 seconds in', [{ kind: 'moment', t: 45, text: 'around 45 seconds' }]],
    [
      'What is said in the first minute?',
      [{ kind: 'range', start: 0, end: 60, text: 'first minute' }],
    ],
    ['the last 2 minutes', [{ kind: 'range', start: 180, end: 300, text: 'last 2 minutes' }]],
    [
      'between 1:00 and 2:00',
      [{ kind: 'range', start: 60, end: 120, text: 'between 1:00 and 2:00' }],
    ],
    ['Who is there near the end?', [{ kind: 'range', start: 240, end: 300, text: 'near the end' }]],
    ['at the beginning', [{ kind: 'range', start: 0, end: 60, text: 'at the beginning' }]],
    ['after 90 seconds', [{ kind: 'range', start: 90, end: 300, text: 'after 90 seconds' }]],
    [
      'What do they say after the bus scene?',
      [{ kind: 'relative', relation: 'after', anchor: 'bus', text: 'after the bus scene' }],
    ],
    [
      'from 0:10 to 0:20, and then at 4:00',
      [
        { kind: 'range', start: 10, end: 20, text: 'from 0:10 to 0:20' },
        { kind: 'moment', t: 240, text: 'at 4:00' },
      ],
    ],
    ['What is this video about?', []],
  ];
  for (const [question, expected] of cases) {
    it(question, () => expect(parseTimeReferences(question, 300)).toEqual(expected));
  }
});

describe('routeQuery', () => {
  it('sends "when does the bus appear?" to find_object', () => {
    expect(routeQuery('When does the bus appear?', 300)).toEqual({
      intents: ['temporal', 'visual'],
      labels: ['bus'],
      time: [],
      plan: [{ tool: 'find_object', args: { label: 'bus' } }],
    });
  });

  it('sends speech questions to the transcript, without their time phrase', () => {
    const route = routeQuery('What does he say about tickets at 2:30?', 300);
    expect(route.intents).toEqual(['temporal', 'audio']);
    expect(route.plan).toEqual([
      { tool: 'get_context_at', args: { t: 150 } },
      { tool: 'search_transcript', args: { query: 'What does he say about tickets ?' } },
    ]);
    // Nothing to search for: what is said there is the moment's context.
    expect(routeQuery('What does he say at 2:30?', 300).plan).toEqual([
      { tool: 'get_context_at', args: { t: 150 } },
    ]);
  });

  it('sends on-screen text questions to OCR, quoted words as they are', () => {
    expect(routeQuery('Which slide says "public transport"?', 300).plan).toEqual([
      { tool: 'search_on_screen_text', args: { query: 'public transport' } },
      { tool: 'search_transcript', args: { query: 'Which slide says "public transport"?' } },
    ]);
  });

  it('sends visual questions without a known object to captions and CLIP', () => {
    expect(routeQuery('Is there a red scarf visible?', 300).plan).toEqual([
      { tool: 'search_captions', args: { query: 'Is there a red scarf visible?' } },
      { tool: 'search_frames', args: { query: 'Is there a red scarf visible?' } },
    ]);
  });

  it('reads a time span when the question has nothing else to search for', () => {
    expect(routeQuery('What is said in the first minute?', 300).plan).toEqual([
      { tool: 'get_context_at', args: { t: 30, window_s: 30 } },
    ]);
    expect(routeQuery('What is said about buses in the first minute?', 300).plan).toEqual([
      { tool: 'find_object', args: { label: 'bus' } },
      { tool: 'search_transcript', args: { query: 'What is said about buses in the ?' } },
    ]);
  });

  it('reads the moment itself when a question about it names nothing to look for', () => {
    expect(routeQuery('What is on the slide at 1:10?', 300).plan).toEqual([
      { tool: 'get_context_at', args: { t: 70 } },
    ]);
    expect(routeQuery('What is on screen at 4:30?', 300).plan).toEqual([
      { tool: 'get_context_at', args: { t: 270 } },
    ]);
    // Words to look for still get their search.
    expect(routeQuery('Is the word "tour" on the slide at 0:10?', 300).plan).toContainEqual({
      tool: 'search_on_screen_text',
      args: { query: 'tour' },
    });
  });

  it('gives general questions the overview', () => {
    const route = routeQuery('What is this video about?', 300);
    expect(route.intents).toEqual(['general']);
    expect(route.plan).toEqual([{ tool: 'get_video_overview', args: {} }]);
    // A summary of something in particular still searches for it.
    expect(routeQuery('Summarize what is said about tickets', 300).plan).toContainEqual({
      tool: 'search_transcript',
      args: { query: 'Summarize what is said about tickets' },
    });
  });
});

describe('resolveTimeReferences', () => {
  let db: BriDatabase;
  beforeEach(async () => {
    db = new BriDatabase(`test-${crypto.randomUUID()}`);
    await seedCity(db);
  });
  afterEach(() => db.delete());

  it('places "after the bus scene" after the first bus range, and drops events that never happen', async () => {
    const video = (await getVideo('city', db))!;
    const refs = parseTimeReferences(
      'after the bus scene, before the public transport slide, after the dragon',
      60,
    );
    expect(await resolveTimeReferences(refs, video, testContext(db))).toEqual([
      { start: 15, end: 60, text: 'after the bus scene' },
      { start: 0, end: 40, text: 'before the public transport slide' },
    ]);
  });
});

describe('routeQuery and speakers', () => {
  it('reads one speaker’s lines for "what did the second speaker say about …"', () => {
    expect(routeQuery('What did the second speaker say about the budget?', 120).plan).toEqual([
      { tool: 'search_transcript', args: { query: 'the budget', speaker: 'second' } },
    ]);
    expect(routeQuery('what did Dana mention about travel', 120).plan).toEqual([
      { tool: 'search_transcript', args: { query: 'travel', speaker: 'Dana' } },
    ]);
    expect(routeQuery('What did speaker 2 say?', 120).plan[0]?.args).toMatchObject({
      speaker: 'speaker 2',
    });
  });

  it('asks the overview (which lists the speakers and their time) who spoke most', () => {
    expect(routeQuery('Who spoke most?', 120).plan.map((c) => c.tool)).toContain(
      'get_video_overview',
    );
    expect(routeQuery('What did he say about buses?', 120).plan[0]?.args).not.toHaveProperty(
      'speaker',
    );
  });
});
