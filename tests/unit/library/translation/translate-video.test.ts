import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AgentError } from '../../../../src/agent/agent-errors';
import {
  BriDatabase,
  listTranscript,
  listTranslation,
  putTranscriptChunk,
} from '../../../../src/db';
import { exportVideo } from '../../../../src/library/exports/export-video';
import {
  BATCH_CUES,
  TranslationError,
  translateVideo,
} from '../../../../src/library/translation/translate-video';
import type { Settings } from '../../../../src/settings/settings';
import { SHARE_EVERYTHING } from '../../../../src/shared/share-with-groq';
import { settingsWithGroq } from '../../../support/groq-settings';
import { FakeGroq, type ChatRequest, type ScriptedReply } from '../../../support/fake-groq';
import { askedCues, translatorReply } from '../../../support/fake-translator';
import { video } from '../../db/video-fixture';
import { LINEAGE } from '../../tools/seeded-library';
import { parseSrt } from '../../../e2e/support/parse-srt';

const fake = new FakeGroq();
let baseUrl = '';
beforeAll(async () => {
  baseUrl = await fake.start();
});
afterAll(() => fake.stop());

/** 100 lines, one every 3 s, in chunks of 30 s: three batches of at most 40. */
const LINES = 100;

async function seedTalk(db: BriDatabase) {
  await db.videos.add({ ...video('talk', 1), duration: LINES * 3 + 5 });
  for (let chunk = 0; chunk < LINES / 10; chunk++) {
    const rows = Array.from({ length: 10 }, (_, index) => {
      const n = chunk * 10 + index;
      return {
        videoId: 'talk',
        chunkStart: chunk * 30,
        index,
        start: n * 3,
        end: n * 3 + 2.5,
        text: ` Line ${n} of the talk.`,
        words: [],
        language: 'en',
        lineage: LINEAGE,
      };
    });
    const record = { videoId: 'talk', start: chunk * 30, end: chunk * 30 + 30, segments: 10 };
    await putTranscriptChunk({ ...record, language: 'en', lineage: LINEAGE }, rows, db);
  }
}

const translator = translatorReply('FR');

/** The lines each request asked to translate. */
const askedLines = (requests: readonly ChatRequest[]) =>
  requests.map((r) => askedCues(r).map((c) => c.text));

let db: BriDatabase;
let settings: Settings;
const translate = (language = 'french') =>
  translateVideo('talk', language, { database: db, settings: () => settings, online: () => true });

beforeEach(async () => {
  fake.requests.length = 0;
  db = new BriDatabase(`test-${crypto.randomUUID()}`);
  await seedTalk(db);
  settings = settingsWithGroq(fake, baseUrl);
});
afterEach(() => db.delete());

describe('translateVideo', () => {
  it('translates every line once, in batches, keeping its times; done again it sends nothing', async () => {
    fake.script(translator, translator, translator);
    const progress: number[] = [];
    const result = await translateVideo('talk', ' french ', {
      database: db,
      settings: () => settings,
      online: () => true,
      onProgress: ({ done }) => progress.push(done),
    });
    expect(result).toEqual({ language: 'French', done: LINES, total: LINES, batches: 3 });
    expect(progress).toEqual([0, BATCH_CUES, 2 * BATCH_CUES, LINES]);
    const asked = askedLines(fake.requests).flat();
    expect(asked).toHaveLength(LINES);
    expect(new Set(asked).size).toBe(LINES);
    expect(fake.requests[0]?.messages[0]?.content).toContain('into French');
    const transcript = await listTranscript('talk', db);
    const rows = await listTranslation('talk', 'French', db);
    expect(rows.map((r) => [r.start, r.end, r.text])).toEqual(
      transcript.map((s) => [s.start, s.end, `FR ${s.text.trim()}`]),
    );
    await translate('French');
    expect(fake.requests).toHaveLength(3);
  });

  it('a failure mid-way keeps the done batches; translating again sends only the rest', async () => {
    fake.script(translator, { status: 400, message: 'context_length_exceeded' });
    await expect(translate()).rejects.toBeInstanceOf(AgentError);
    expect((await listTranslation('talk', 'French', db)).length).toBe(BATCH_CUES);
    const first = askedLines(fake.requests)[0] ?? [];
    fake.requests.length = 0;
    fake.script(translator, translator);
    const result = await translate();
    expect(result.batches).toBe(2);
    const resumed = askedLines(fake.requests).flat();
    expect(resumed).toHaveLength(LINES - BATCH_CUES);
    expect(resumed.some((line) => first.includes(line))).toBe(false);
    expect((await listTranslation('talk', 'French', db)).length).toBe(LINES);
  });

  it('asks again for lines the model left out, and only for them', async () => {
    const forgetful = (request: ChatRequest): ScriptedReply => {
      const reply = JSON.parse(translator(request).text ?? '{}') as { cues: unknown[] };
      return { text: JSON.stringify({ cues: reply.cues.slice(0, -2) }) };
    };
    fake.script(forgetful, translator, translator, translator);
    await translate();
    const asked = askedLines(fake.requests);
    expect(asked.map((lines) => lines.length)).toEqual([40, 2, 40, 20]);
    expect(asked[1]).toEqual(asked[0]?.slice(-2));
  });

  it('refuses in words without a key, or with the transcript kept from Groq — nothing sent', async () => {
    settings.shareWithGroq = { ...SHARE_EVERYTHING, transcript: false };
    await expect(translate()).rejects.toThrow(/keeps it on this device/);
    settings.groqApiKey = null;
    await expect(translate()).rejects.toBeInstanceOf(TranslationError);
    expect(fake.requests).toHaveLength(0);
  });

  it('exports subtitles in the language at the original times; an unfinished one is refused', async () => {
    fake.script(translator, { status: 400, message: 'no' });
    await translate().catch(() => undefined);
    await expect(exportVideo('talk', 'srt', { language: 'French' }, db)).rejects.toThrow(
      /not finished \(40 of 100 lines\)/,
    );
    fake.script(translator, translator);
    await translate();
    const original = parseSrt(await (await exportVideo('talk', 'srt', {}, db)).text());
    const french = parseSrt(
      await (await exportVideo('talk', 'srt', { language: 'French' }, db)).text(),
    );
    expect(french.map((c) => [c.start, c.end])).toEqual(original.map((c) => [c.start, c.end]));
    expect(french.map((c) => c.text)).toEqual(original.map((c) => `FR ${c.text}`));
  });
});
