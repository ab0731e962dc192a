import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BriDatabase, listChapters } from '../../../../src/db';
import { makeChapters } from '../../../../src/library/chapters/make-chapters';
import type { Settings } from '../../../../src/settings/settings';
import { SHARE_EVERYTHING } from '../../../../src/shared/share-with-groq';
import { settingsWithGroq } from '../../../support/groq-settings';
import { FakeGroq } from '../../../support/fake-groq';
import { LINEAGE, seedCity } from '../../tools/seeded-library';
import { video } from '../../db/video-fixture';

const fake = new FakeGroq();
let baseUrl = '';
beforeAll(async () => {
  baseUrl = await fake.start();
});
afterAll(() => fake.stop());

let db: BriDatabase;
let settings: Settings;
beforeEach(async () => {
  fake.requests.length = 0;
  fake.bodies.length = 0;
  db = new BriDatabase(`test-${crypto.randomUUID()}`);
  await seedCity(db);
  settings = settingsWithGroq(fake, baseUrl);
});
afterEach(() => db.delete());

const make = () =>
  makeChapters('city', { database: db, settings: () => settings, online: () => true });

describe('makeChapters with Groq', () => {
  it('one call over scenes, transcript and on-screen text; its chapters checked and stored', async () => {
    fake.script({
      text:
        'Here you go:\n```json\n{"chapters":[{"start":0,"title":"City tour"},' +
        '{"start":"0:21","title":"Men in suits"},{"start":40,"title":"Public transport"},' +
        '{"start":57,"title":"Made up"}]}\n```',
    });
    const made = await make();
    expect(fake.requests).toHaveLength(1);
    const sent = fake.bodies[0] ?? '';
    for (const part of [
      'Welcome to the city tour.',
      'two men in suits',
      'Chapter one - public transport',
    ])
      expect(sent).toContain(part);
    expect(made.madeBy).toBe('groq');
    expect(made.note).toBeNull();
    // 0:21 snaps to the cut at 20 s; 57 s matches nothing in the index and is left out.
    expect(made.chapters).toEqual([
      { start: 0, end: 20, title: 'City tour' },
      { start: 20, end: 40, title: 'Men in suits' },
      { start: 40, end: 60, title: 'Public transport' },
    ]);
    const stored = await listChapters('city', db);
    expect(stored.map((c) => [c.index, c.title, c.madeBy, c.model])).toEqual([
      [0, 'City tour', 'groq', 'openai/gpt-oss-20b'],
      [1, 'Men in suits', 'groq', 'openai/gpt-oss-20b'],
      [2, 'Public transport', 'groq', 'openai/gpt-oss-20b'],
    ]);
  });

  it('keeps the transcript on the device when the person switched it off', async () => {
    settings.shareWithGroq = { ...SHARE_EVERYTHING, transcript: false };
    fake.script({ text: '{"chapters":[{"start":0,"title":"A"},{"start":20,"title":"B"}]}' });
    await make();
    expect(fake.bodies[0]).not.toContain('Welcome to the city tour.');
    expect(fake.bodies[0]).toContain('two men in suits');
  });

  it('falls back to the scenes and slides, saying why, when Groq fails or invents', async () => {
    fake.script({ status: 401, message: 'Invalid API Key' });
    const refused = await make();
    expect(refused.madeBy).toBe('scenes');
    expect(refused.note).toMatch(/did not accept your API key.*scenes and slides instead/);
    fake.script({ text: '{"chapters":[{"start":95,"title":"A"},{"start":170,"title":"B"}]}' });
    const invented = await make();
    expect(invented.note).toMatch(/didn't match moments in the video/);
    expect(invented.chapters[0]?.start).toBe(0);
    // Made again: the stored chapters are replaced, not added to.
    expect((await listChapters('city', db)).length).toBe(invented.chapters.length);
  });
});

describe('makeChapters on a two-hour screen recording', () => {
  it('sends one request small enough for a free tier: scenes, lines and texts spread out', async () => {
    const id = 'long';
    await db.videos.add({ ...video(id, 3), duration: 7200 });
    const lineage = LINEAGE;
    await db.scenes.bulkAdd(
      Array.from({ length: 2000 }, (_, index) => ({
        videoId: id,
        index,
        start: index * 3.6,
        end: (index + 1) * 3.6,
        lineage,
      })),
    );
    await db.transcriptSegments.bulkAdd(
      Array.from({ length: 2400 }, (_, i) => ({
        videoId: id,
        chunkStart: Math.floor(i / 10) * 30,
        index: i % 10,
        start: i * 3,
        end: i * 3 + 2.5,
        text: `Now we open the settings panel and change option number ${i} to see what it does.`,
        words: [],
        language: 'en',
        lineage,
      })),
    );
    await db.textRanges.bulkAdd(
      Array.from({ length: 1500 }, (_, i) => ({
        videoId: id,
        text: `File Edit View Window Help — document ${i % 300}.txt`,
        start: i * 4.8,
        end: i * 4.8 + 4,
        maxScore: 0.9,
        count: 2,
        lineage,
      })),
    );
    fake.script({
      text: '{"chapters":[{"start":0,"title":"Intro"},{"start":3600,"title":"Half"}]}',
    });
    const made = await makeChapters(id, {
      database: db,
      settings: () => settings,
      online: () => true,
    });
    expect(made.madeBy).toBe('groq');
    expect(fake.requests).toHaveLength(1);
    // ~25 KB of JSON is ~7 k tokens: inside a free tier's per-minute budget for one call.
    expect(fake.bodies[0]?.length).toBeLessThan(25_000);
    // The end of the talk is there, not only its start.
    const sent = fake.requests[0]?.messages.find((m) => m.role === 'user')?.content ?? '';
    expect(sent).toContain('"start":7152'); // the last lines' group
  });
});

describe('makeChapters without a key', () => {
  it('makes them locally, with no request sent', async () => {
    settings.groqApiKey = null;
    const made = await make();
    expect(fake.requests).toHaveLength(0);
    expect(made.madeBy).toBe('scenes');
    expect(made.chapters[0]?.start).toBe(0);
    expect(made.chapters.at(-1)?.end).toBe(60);
    for (const [i, c] of made.chapters.entries()) {
      expect(c.title.trim()).not.toBe('');
      if (i > 0) expect(c.start).toBe(made.chapters[i - 1]?.end);
    }
  });
});
