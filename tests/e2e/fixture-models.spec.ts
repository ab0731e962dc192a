import { expect, test } from '@playwright/test';
import { mediaPath } from '../paths';
import { FIXTURE_MODELS, LibraryPage } from './support/library-page';

// Whisper, the captioner and the embedders here are random-weight fixtures: their words are garbage, so this
// checks structure (loading through the user's code path, chunking, timestamps, storage), never
// the words.
test('the fixture models transcribe, caption and embed, in video time', async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  // The first request for a CLIP file drops (a flaky network): the stage must get over it alone.
  let dropped = 0;
  await context.route('**/clip-vit-base-patch16-random/**', (route) =>
    dropped++ === 0 ? route.abort('connectionreset') : route.fallback(),
  );
  const library = new LibraryPage(page);
  await library.open();
  await library.pick(mediaPath('jfk_bus_zidane.mp4'));
  const id = await library.videoId('jfk_bus_zidane.mp4');
  const status = await library.waitForAnalysis(id);
  expect(status.stages.transcript.state, status.stages.transcript.detail ?? '').toBe('done');
  const index = await page.evaluate((id) => window.bri.getIndex(id), id);
  const video = await page.evaluate((id) => window.bri.getVideo(id), id);
  const { transcript, speechRegions, captions, frames, embeddings } = index;

  await test.step('segments are stored, ordered and inside the speech chunks', () => {
    expect(transcript.length).toBeGreaterThan(0);
    expect(status.stages.transcript.stats.segments).toBe(transcript.length);
    const first = speechRegions[0]?.start ?? 0;
    const last = speechRegions.at(-1)?.end ?? 0;
    // An English-only model: no detection, every segment is English.
    expect(new Set(transcript.map((s) => s.language))).toEqual(new Set(['en']));
    transcript.forEach((segment, i) => {
      expect(segment.start).toBeLessThanOrEqual(segment.end);
      expect(segment.start).toBeGreaterThanOrEqual(first - 0.001);
      expect(segment.end).toBeLessThanOrEqual(Math.min(last, video?.duration ?? 0) + 0.001);
      if (i > 0) expect(segment.start).toBeGreaterThanOrEqual(transcript[i - 1]?.start ?? 0);
      for (const word of segment.words) {
        expect(word.start).toBeLessThanOrEqual(word.end);
        expect(word.start).toBeGreaterThanOrEqual(segment.start - 0.001);
        expect(word.end).toBeLessThanOrEqual(segment.end + 0.001);
      }
    });
  });

  await test.step('every stored frame has one caption with a confidence in 0–1', () => {
    expect(status.stages.captions.state, status.stages.captions.detail ?? '').toBe('done');
    expect(captions.map((c) => c.t)).toEqual(frames.map((f) => f.t));
    for (const { caption, confidence } of captions) {
      expect(typeof caption).toBe('string');
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
    expect(status.stages.captions.stats.captions).toBe(captions.length);
  });

  await test.step('every text and every frame has a unit-length vector of its model', () => {
    expect(status.stages.embeddings.state, status.stages.embeddings.detail ?? '').toBe('done');
    expect(dropped).toBeGreaterThan(1);
    expect(status.stages.embeddings.stats.retries).toBe(1);
    const of = (source: string) => embeddings.filter((e) => e.source === source);
    const said = (texts: string[]) => texts.filter((text) => text.trim()).length;
    expect(of('transcript')).toHaveLength(said(transcript.map((s) => s.text)));
    expect(of('caption')).toHaveLength(said(captions.map((c) => c.caption)));
    expect(of('text')).toHaveLength(said(index.text.map((r) => r.text)));
    expect(of('frame').map((e) => e.start)).toEqual(frames.map((f) => f.t));
    for (const [source, model] of [
      ['transcript', 'test/all-MiniLM-L6-v2-random'],
      ['frame', 'test/clip-vit-base-patch16-random'],
    ] as const) {
      const rows = of(source);
      expect(new Set(rows.map((e) => e.model))).toEqual(new Set([model]));
      expect(new Set(rows.map((e) => e.dims)).size).toBe(1);
    }
    for (const e of embeddings) {
      expect(e.norm).toBeCloseTo(1, 1);
      expect(e.start).toBeLessThanOrEqual(e.end);
    }
  });

  await test.step('a query lands in the same space as the frames', async () => {
    const query = await page.evaluate(() => window.bri.embedQuery('a red bus', 'image'));
    const frameDims = embeddings.find((e) => e.source === 'frame')?.dims;
    expect(query.model).toBe('test/clip-vit-base-patch16-random');
    expect(query.vector).toHaveLength(frameDims ?? -1);
    expect(Math.hypot(...query.vector)).toBeCloseTo(1, 3);
  });

  await test.step('the card shows the transcript line', async () => {
    await expect(library.card('jfk_bus_zidane.mp4')).toContainText(
      `transcript: ${transcript.length} segments · Spoken: en`,
    );
    await expect(library.card('jfk_bus_zidane.mp4')).toContainText(
      `${captions.length} frames described`,
    );
    await expect(library.card('jfk_bus_zidane.mp4')).toContainText(
      `search index: ${status.stages.embeddings.stats.texts} texts, ${frames.length} frames`,
    );
  });
});

// The multilingual fixture detects the language of each chunk (random weights: any of Whisper's
// languages, so the check is that one was detected and used, not which).
test('a multilingual Whisper detects the language of each chunk', async ({ page }) => {
  test.setTimeout(240_000);
  const library = new LibraryPage(page);
  await library.open({ autoAnalyse: false });
  await page.evaluate(
    (models) => window.bri.configure({ models: { ...models, asr: 'test/whisper-tiny-random' } }),
    FIXTURE_MODELS,
  );
  await library.pick(mediaPath('jfk_bus_zidane.mp4'));
  const id = await library.videoId('jfk_bus_zidane.mp4');
  await page.evaluate((id) => window.bri.analyse(id, { stages: ['speech', 'transcript'] }), id);
  const status = await page.evaluate((id) => window.bri.status(id), id);
  expect(status.stages.transcript.state, status.stages.transcript.detail ?? '').toBe('done');
  const { transcript } = await page.evaluate((id) => window.bri.getIndex(id), id);
  expect(transcript.length).toBeGreaterThan(0);
  const languages = new Set(transcript.map((s) => s.language));
  for (const code of languages) expect(code).toMatch(/^[a-z]{2,3}$/);
  expect(status.stages.transcript.detail).toBe(`Spoken: ${[...languages].join(', ')}`);
});

test('a missing or corrupt transformers.js model gets a specific message; the other stages still finish', async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  // A corrupt file: the caption fixture's decoder answered with garbage bytes, as a broken mirror
  // or a truncated download would (dedicated workers' requests go through the context's routes).
  await context.route(
    '**/vit-gpt2-image-captioning-random/onnx/decoder_model_merged*.onnx',
    (route) => route.fulfill({ status: 200, body: Buffer.from('this is not an onnx model') }),
  );
  const library = new LibraryPage(page);
  await library.open({ autoAnalyse: false });
  await page.evaluate(
    (models) => window.bri.configure({ models: { ...models, asr: 'test/no-such-whisper' } }),
    FIXTURE_MODELS,
  );
  await library.pick(mediaPath('jfk_bus_zidane.mp4'));
  const id = await library.videoId('jfk_bus_zidane.mp4');
  await page.evaluate((id) => window.bri.analyse(id), id);
  const { stages } = await library.waitForAnalysis(id);
  expect(stages.transcript.state).toBe('failed');
  expect(stages.transcript.detail).toMatch(
    /The model “test\/no-such-whisper” \(or one of its files\) is missing at http:\/\/localhost:\d+\//,
  );
  expect(stages.captions.state).toBe('failed');
  expect(stages.captions.detail).toMatch(/not a model onnxruntime can load.*corrupt/);
  for (const stage of ['frames', 'speech', 'objects', 'text'] as const) {
    expect(stages[stage].state, stage).toBe('done');
  }
  // Search still indexes what there is: the on-screen text and the frames.
  expect(stages.embeddings.state, stages.embeddings.detail ?? '').toBe('done');
  expect(stages.embeddings.stats.frames).toBeGreaterThan(0);
  await expect(library.card('jfk_bus_zidane.mp4')).toContainText('test/no-such-whisper');

  await test.step('whenIndexed rejects, naming the first stage that failed and why', async () => {
    const error = await page.evaluate(
      (id) =>
        window.bri.whenIndexed(id).then(
          () => null,
          (e: Error) => ({ name: e.name, message: e.message }),
        ),
      id,
    );
    expect(error?.name).toBe('StageFailedError');
    expect(error?.message).toMatch(/The transcript stage did not finish: .*no-such-whisper/);
  });

  await test.step('once fixed, “Analyse again” re-runs only what failed and what builds on it', async () => {
    const framesSeconds = stages.frames.stats.seconds;
    await context.unrouteAll();
    await page.evaluate((models) => window.bri.configure({ models }), FIXTURE_MODELS);
    await library.card('jfk_bus_zidane.mp4').getByRole('button', { name: 'Analyse again' }).click();
    // The click queues the stages again; only then does waiting on them mean this run.
    await expect
      .poll(async () => (await page.evaluate((id) => window.bri.status(id), id)).stages.captions)
      .toMatchObject({ state: expect.not.stringMatching(/failed/) });
    await page.evaluate(
      (id) => window.bri.whenIndexed(id, { stages: ['transcript', 'captions', 'embeddings'] }),
      id,
    );
    const after = await page.evaluate((id) => window.bri.status(id), id);
    for (const [stage, row] of Object.entries(after.stages)) {
      expect(row.state, `${stage}: ${row.detail ?? ''}`).toBe('done');
    }
    expect(after.stages.frames.stats.seconds).toBe(framesSeconds);
    expect(after.completeness.captions?.ratio).toBe(1);
  });
});
