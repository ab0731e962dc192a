import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BriDatabase } from '../../../src/db';
import { describeOutcome, executeTool } from '../../../src/tools/registry';
import type { FreshLook, ToolContext } from '../../../src/tools/tool';
import { seedCity, testContext } from './seeded-library';

let db: BriDatabase;
let context: ToolContext;
beforeEach(async () => {
  db = new BriDatabase(`test-${crypto.randomUUID()}`);
  context = testContext(db);
  await seedCity(db);
});
afterEach(() => db.delete());

const run = async (name: string, args: unknown) => {
  const outcome = await executeTool(name, args, context);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.result as Record<string, unknown>;
};

describe('find_object', () => {
  it('returns the stored ranges of a label, by its plural too', async () => {
    expect(await run('find_object', { video_id: 'city', label: 'Buses' })).toEqual({
      label: 'Buses',
      matched_labels: ['bus'],
      ranges: [
        { video_id: 'city', label: 'bus', start: 5, end: 15, max_confidence: 0.9, count: 3 },
      ],
      notes: [],
    });
  });

  it('understands everyday words: people → person, vehicle → every vehicle class', async () => {
    const people = await run('find_object', { label: 'people' });
    expect(people.ranges).toEqual([
      { video_id: 'city', label: 'person', start: 10, end: 30, max_confidence: 0.9, count: 5 },
    ]);
    const vehicles = await run('find_object', { label: 'vehicles' });
    expect(vehicles.matched_labels).toEqual([
      'car',
      'bus',
      'truck',
      'motorcycle',
      'bicycle',
      'train',
    ]);
    expect((vehicles.ranges as { label: string }[]).map((r) => r.label)).toEqual(['bus']);
  });

  it('re-merges the frames above min_confidence', async () => {
    // Ties at 20 s (0.6), 25 s (0.4), 30 s (0.65): above 0.62 only 30 s is left.
    expect((await run('find_object', { label: 'tie', min_confidence: 0.62 })).ranges).toEqual([
      { video_id: 'city', label: 'tie', start: 27.5, end: 32.5, max_confidence: 0.65, count: 1 },
    ]);
  });

  it('uses the frames detected so far while the stage runs', async () => {
    await db.objectTracks.clear();
    await db.stages.update(['city', 'objects'], { state: 'running' });
    const result = await run('find_object', { label: 'bus' });
    // Re-merged from the frames as the stage does: the range covers its shot ([0, 20): no bus
    // at 0 s, halfway back to it; the cut at 20 s ends it).
    expect(result.ranges).toEqual([
      { video_id: 'city', label: 'bus', start: 2.5, end: 20, max_confidence: 0.9, count: 3 },
    ]);
    expect(result.notes).toEqual([
      'Objects in "city.mp4" are not all detected yet (still processing).',
    ]);
  });

  it('labels each range with its video across the library', async () => {
    await seedCity(db, { id: 'second', createdAt: 3 });
    const { ranges } = await run('find_object', { label: 'tie' });
    expect((ranges as { video_id: string }[]).map((r) => r.video_id)).toEqual(['city', 'second']);
  });

  it('refuses a label the detector does not know, listing the ones it does', async () => {
    const outcome = await executeTool('find_object', { label: 'unicorn' }, context);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error.code).toBe('invalid_arguments');
    expect(!outcome.ok && outcome.error.message).toMatch(
      /^"unicorn" is not an object the detector knows\. It knows: person, bicycle/,
    );
  });
});

describe('search_on_screen_text', () => {
  it('merges lines read at about the same time, ignoring the spaces OCR dropped', async () => {
    expect(await run('search_on_screen_text', { query: 'public transport' })).toEqual({
      query: 'public transport',
      matches: [
        {
          video_id: 'city',
          texts: ['Chapter one - public transport', 'Chapterone-public transport'],
          start: 40,
          end: 45,
          score: 1,
        },
      ],
      notes: [],
    });
  });

  it('finds a one-word slide and nothing for words never shown', async () => {
    expect(
      (await run('search_on_screen_text', { video_id: 'city', query: 'summary' })).matches,
    ).toEqual([{ video_id: 'city', texts: ['Summary'], start: 50, end: 55, score: 1 }]);
    expect((await run('search_on_screen_text', { query: 'football' })).matches).toEqual([]);
  });
});

describe('get_context_at', () => {
  it('gathers what was said, shown, seen and written around t', async () => {
    expect(await run('get_context_at', { t: 25, window_s: 5 })).toEqual({
      video_id: 'city',
      t: 25,
      window: { start: 20, end: 30 },
      scene: { index: 1, start: 20, end: 40 },
      transcript: [
        { start: 12, end: 20, text: 'The buses run every ten minutes.' },
        { start: 20, end: 30, text: 'Two men in suits, one wears a red tie.' },
        { start: 30, end: 40, text: 'Public transport keeps the city moving.' },
      ],
      captions: [20, 25, 30].map((t) => ({ t, caption: 'two men in suits' })),
      objects: [
        { label: 'person', max_confidence: 0.9, frames: 3 },
        { label: 'tie', max_confidence: 0.65, frames: 3 },
      ],
      on_screen_text: [],
      nearest_frame: { frame_id: 'city@25', t: 25 },
      not_indexed_yet: [],
    });
  });

  it('asks which video when the library has several, and refuses a moment past the end', async () => {
    await seedCity(db, { id: 'second', createdAt: 3 });
    const several = await executeTool('get_context_at', { t: 5 }, context);
    expect(!several.ok && several.error).toEqual({
      code: 'invalid_arguments',
      message: 'Several videos are in the library: say which one with video_id.',
    });
    const late = await executeTool('get_context_at', { video_id: 'city', t: 75 }, context);
    expect(!late.ok && late.error.message).toBe(
      't = 75 s is past the end of "city.mp4" (60.0 s long).',
    );
  });
});

describe('get_frame', () => {
  it('returns the stored frame nearest t, or the one a frame_id names', async () => {
    const near = {
      video_id: 'city',
      frame_id: 'city@25',
      t: 25,
      width: 640,
      height: 360,
      thumbnail_url: 'blob:test/city@25/125',
    };
    expect(await run('get_frame', { t: 26.2 })).toEqual(near);
    expect(await run('get_frame', { frame_id: 'city@25' })).toEqual(near);
  });

  it('needs t or a frame_id, and says when a frame id is unknown', async () => {
    const none = await executeTool('get_frame', {}, context);
    expect(!none.ok && none.error.message).toBe(
      'Invalid arguments for get_frame: (arguments): Give t (seconds) or a frame_id.',
    );
    const unknown = await executeTool('get_frame', { frame_id: 'city@26' }, context);
    expect(!unknown.ok && unknown.error).toEqual({
      code: 'not_found',
      message: 'No stored frame city@26.',
    });
  });
});

describe('look_again', () => {
  it('looks at full-resolution frames around t and answers what the question asks about', async () => {
    const asked: number[][] = [];
    const look = (t: number): FreshLook => ({
      t,
      width: 1280,
      height: 720,
      objects: [{ label: 'tie', score: 0.71234, box: [1, 2, 3, 4] }],
      text: [{ text: 'EXIT', score: 0.9 }],
      caption: 'a man in a suit',
      unavailable: [],
    });
    context = testContext(db, {
      lookAt: async (_id, times) => {
        asked.push(times);
        return times.map(look);
      },
    });
    const result = await run('look_again', {
      t: 59.5,
      question: 'Is there a tie or a dog? Any exit sign?',
    });
    expect(asked).toEqual([[58.5, 59.5, 59.95]]);
    expect(result.answer).toEqual({
      objects_asked: ['tie', 'dog'],
      objects_seen: ['tie'],
      objects_not_seen: ['dog'],
      text_matching: [],
    });
    expect((result.frames as FreshLook[])[0]?.objects[0]?.score).toBe(0.7123);
    const sign = await run('look_again', { t: 10, question: 'exit' });
    expect((sign.answer as { text_matching: string[] }).text_matching).toEqual(['EXIT']);
  });
});

describe('get_video_overview', () => {
  it('describes the video and how far its analysis has got', async () => {
    await db.stages.update(['city', 'captions'], { state: 'running' });
    const { videos } = await run('get_video_overview', { video_id: 'city' });
    expect(videos).toEqual([
      {
        video_id: 'city',
        name: 'city.mp4',
        duration: 60,
        width: 640,
        height: 360,
        has_audio: true,
        language: 'en',
        indexed: {
          frames: 'done',
          speech: 'done',
          objects: 'done',
          text: 'done',
          transcript: 'done',
          speakers: 'done',
          captions: 'running',
          embeddings: 'done',
        },
        chat_ready: true,
        scenes: [
          { index: 0, start: 0, end: 20 },
          { index: 1, start: 20, end: 40 },
          { index: 2, start: 40, end: 60 },
        ],
        top_objects: [
          { label: 'person', seconds: 20, ranges: 1 },
          { label: 'bus', seconds: 10, ranges: 1 },
          { label: 'tie', seconds: 10, ranges: 1 },
        ],
        on_screen_text: [
          'Chapter one - public transport',
          'Chapterone-public transport',
          'Summary',
        ],
        speakers: [],
        counts: { frames: 12, captions: 12, transcript_segments: 5 },
      },
    ]);
  });

  it('says it in words a person reads: the language by name, what the screen shows', async () => {
    const outcome = await executeTool('get_video_overview', { video_id: 'city' }, context);
    const said = describeOutcome(outcome, null);
    expect(said).toContain('spoken in English.');
    expect(said).toContain('On screen: “Chapter one - public transport”');
    expect(said).not.toContain('spoken in en');
  });
});
