import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BriDatabase, putTranscriptChunk } from '../../../src/db';
import { executeTool } from '../../../src/tools/registry';
import { bm25Scores, indexTerms } from '../../../src/tools/text/bm25';
import { terms } from '../../../src/tools/text/tokenize';
import { fakeEmbed, LINEAGE, seedCity, testContext } from './seeded-library';

const cosine = (a: string, b: string) => {
  const [x, y] = [fakeEmbed(a), fakeEmbed(b)];
  return x.reduce((sum, v, i) => sum + v * (y[i] ?? 0), 0);
};

describe('terms', () => {
  it('drops stopwords and folds plurals and stems together', () => {
    expect(terms('The buses')).toEqual(terms('a bus'));
    expect(terms('ties')).toEqual(terms('tie'));
    expect(terms('Running, runs')).toEqual(['run', 'run']);
    expect(terms('Café')).toEqual(['cafe']);
  });
});

describe('bm25Scores', () => {
  it('scores Okapi BM25 (k1 1.2, b 0.75) and zero without a shared term', () => {
    const [scores] = bm25Scores(terms('bus'), [
      indexTerms(['bus stop', 'red car', 'car park'].map(terms)),
    ]);
    // One of three documents has "bus": idf = ln(1 + 2.5 / 1.5); lengths equal the average.
    const idf = Math.log(1 + 2.5 / 1.5);
    expect(scores?.[0]).toBeCloseTo(idf, 10);
    expect([...(scores ?? []).slice(1)]).toEqual([0, 0]);
  });

  it('ranks the document with more of the query first', () => {
    const [scores] = bm25Scores(terms('red bus'), [indexTerms(['red bus', 'blue bus'].map(terms))]);
    expect(scores?.[0]).toBeGreaterThan(scores?.[1] ?? Infinity);
  });

  it('ranks several indexes on one scale, as one collection would be', () => {
    const docs = ['bus stop', 'red car', 'car park', 'red bus', 'bus bus bus'];
    const [whole] = bm25Scores(terms('red bus'), [indexTerms(docs.map(terms))]);
    const parts = bm25Scores(terms('red bus'), [
      indexTerms(docs.slice(0, 2).map(terms)),
      indexTerms(docs.slice(2).map(terms)),
    ]);
    const joined = parts.flatMap((part, i) => [...(part ?? new Float64Array(i ? 3 : 2))]);
    joined.forEach((score, i) => expect(score).toBeCloseTo(whole?.[i] ?? NaN, 12));
  });
});

describe('search_transcript and search_captions', () => {
  let db: BriDatabase;
  beforeEach(() => {
    db = new BriDatabase(`test-${crypto.randomUUID()}`);
  });
  afterEach(() => db.delete());

  it('finds "buses" in segments saying bus or buses, by keywords when there are no vectors', async () => {
    await seedCity(db, { embeddings: false });
    const outcome = await executeTool(
      'search_transcript',
      { video_id: 'city', query: 'buses' },
      testContext(db),
    );
    expect(outcome).toEqual({
      ok: true,
      tool: 'search_transcript',
      result: {
        query: 'buses',
        mode: 'keyword',
        results: [
          {
            video_id: 'city',
            start: 5,
            end: 12,
            text: 'Here is a blue bus stopping for passengers.',
            score: 1,
          },
          {
            video_id: 'city',
            start: 12,
            end: 20,
            text: 'The buses run every ten minutes.',
            score: 1,
          },
        ],
        notes: [],
      },
    });
  });

  it('adds meaning: a paraphrase with no shared word is found from the stored vectors', async () => {
    await seedCity(db);
    const outcome = await executeTool(
      'search_transcript',
      { query: 'transit', top_k: 1 },
      testContext(db),
    );
    const text = 'Public transport keeps the city moving.';
    expect(outcome.ok && outcome.result).toMatchObject({
      mode: 'hybrid',
      results: [{ video_id: 'city', start: 30, end: 40, text }],
    });
    const [hit] = (outcome as { result: { results: { score: number }[] } }).result.results;
    expect(hit?.score).toBeCloseTo(cosine('transit', text) / 2, 2);
  });

  it('degrades to keywords, and says so, when the query model cannot load', async () => {
    await seedCity(db);
    const context = testContext(db, {
      embedQuery: () => Promise.reject(new Error('ModelLoadError: no weights')),
    });
    const outcome = await executeTool('search_transcript', { query: 'tie' }, context);
    expect(outcome.ok && outcome.result).toMatchObject({
      mode: 'keyword',
      results: [{ start: 20, end: 30, score: 1 }],
      notes: [
        'Meaning-based search is unavailable (Error: ModelLoadError: no weights); matched words only.',
      ],
    });
  });

  it('says when the transcript is still being made', async () => {
    await seedCity(db);
    await db.stages.update(['city', 'transcript'], { state: 'running' });
    const outcome = await executeTool('search_transcript', { query: 'tie' }, testContext(db));
    expect(outcome.ok && outcome.result).toMatchObject({
      notes: ['The transcript of "city.mp4" is not complete yet (still processing).'],
    });
  });

  it('sees new rows as soon as the index changes (the in-memory corpus is per index version)', async () => {
    await seedCity(db, { embeddings: false });
    const search = async () => {
      const outcome = await executeTool('search_transcript', { query: 'zebra' }, testContext(db));
      return outcome.ok ? outcome.result : outcome.error;
    };
    expect(await search()).toMatchObject({ results: [] });
    const segment = { videoId: 'city', chunkStart: 40, index: 0, start: 41, end: 44, words: [] };
    const row = { ...segment, text: 'A zebra crossing.', language: 'en', lineage: LINEAGE };
    const chunk = { videoId: 'city', start: 40, end: 44, segments: 1, language: 'en' };
    await putTranscriptChunk({ ...chunk, lineage: LINEAGE }, [row], db);
    await db.stages.update(['city', 'transcript'], { updatedAt: 2 });
    expect(await search()).toMatchObject({
      results: [{ start: 41, text: 'A zebra crossing.', score: 1 }],
    });
  });

  it('searches captions and returns frame times and ids, best first', async () => {
    await seedCity(db, { embeddings: false });
    const outcome = await executeTool(
      'search_captions',
      { video_id: 'city', query: 'men in suits', top_k: 2 },
      testContext(db),
    );
    expect(outcome.ok && outcome.result).toEqual({
      query: 'men in suits',
      mode: 'keyword',
      results: [
        { video_id: 'city', t: 20, caption: 'two men in suits', score: 1, frame_id: 'city@20' },
        { video_id: 'city', t: 25, caption: 'two men in suits', score: 1, frame_id: 'city@25' },
      ],
      notes: [],
    });
  });

  it('searches the whole library when video_id is omitted, labelling each result', async () => {
    await seedCity(db, { embeddings: false });
    await seedCity(db, { id: 'city-2', embeddings: false, createdAt: 3 });
    const outcome = await executeTool('search_transcript', { query: 'red tie' }, testContext(db));
    const results = (outcome as { result: { results: { video_id: string; start: number }[] } })
      .result.results;
    expect(results.map((r) => [r.video_id, r.start])).toEqual([
      // Equal scores: the library's order, newest first.
      ['city-2', 20],
      ['city', 20],
    ]);
  });
});

describe('search_frames', () => {
  let db: BriDatabase;
  beforeEach(() => {
    db = new BriDatabase(`test-${crypto.randomUUID()}`);
  });
  afterEach(() => db.delete());

  it('ranks frames by CLIP similarity to the description', async () => {
    await seedCity(db);
    const outcome = await executeTool(
      'search_frames',
      { video_id: 'city', query: 'a bus', top_k: 4 },
      testContext(db),
    );
    const results = (
      outcome as { result: { results: { t: number; score: number; frame_id: string }[] } }
    ).result.results;
    expect(results.map((r) => r.t)).toEqual([0, 5, 10, 15]);
    expect(results[0]?.frame_id).toBe('city@0');
    expect(results[0]?.score).toBeCloseTo(cosine('a bus', 'a blue bus on a city street'), 2);
  });

  it('is unavailable, in words, when the CLIP model fails', async () => {
    await seedCity(db);
    const context = testContext(db, { embedQuery: () => Promise.reject(new Error('offline')) });
    expect(await executeTool('search_frames', { query: 'a bus' }, context)).toEqual({
      ok: false,
      tool: 'search_frames',
      error: { code: 'unavailable', message: 'Image search is unavailable: Error: offline' },
    });
  });
});
