import { addVideo, briOf, expect, test } from './fixtures';
import { refusalOf } from './support/bri-in-page';
import { FIXTURE_MODELS } from './support/library-page';

// The multilingual fixture detects the language of each chunk (random weights: any of Whisper's
// languages, so the check is that one was detected and used, not which).
test('a multilingual Whisper detects the language of each chunk', async ({ page, library }) => {
  test.setTimeout(240_000);
  await library.open({ autoAnalyse: false });
  await briOf(page).configure({ models: { ...FIXTURE_MODELS, asr: 'test/whisper-tiny-random' } });
  const id = await addVideo(library, 'jfk_bus_zidane.mp4');
  await briOf(page).analyse(id, { stages: ['speech', 'transcript'] });
  const status = await briOf(page).status(id);
  expect(status.stages.transcript.state, status.stages.transcript.detail ?? '').toBe('done');
  const { transcript } = await briOf(page).getIndex(id);
  expect(transcript.length).toBeGreaterThan(0);
  const languages = new Set(transcript.map((s) => s.language));
  for (const code of languages) expect(code).toMatch(/^[a-z]{2,3}$/);
  expect(status.stages.transcript.detail).toBe(`Spoken: ${[...languages].join(', ')}`);
});

test('a missing or corrupt transformers.js model gets a specific message; the other stages still finish', async ({
  page,
  context,
  library,
}) => {
  test.setTimeout(240_000);
  // A corrupt file: the caption fixture's decoder answered with garbage bytes, as a broken mirror
  // or a truncated download would (dedicated workers' requests go through the context's routes).
  await context.route(
    '**/vit-gpt2-image-captioning-random/onnx/decoder_model_merged*.onnx',
    (route) => route.fulfill({ status: 200, body: Buffer.from('this is not an onnx model') }),
  );
  await library.open({ autoAnalyse: false });
  await briOf(page).configure({ models: { ...FIXTURE_MODELS, asr: 'test/no-such-whisper' } });
  const id = await addVideo(library, 'jfk_bus_zidane.mp4');
  await briOf(page).analyse(id);
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
    const error = await refusalOf(page).whenIndexed(id);
    expect(error?.name).toBe('StageFailedError');
    expect(error?.message).toMatch(/The transcript stage did not finish: .*no-such-whisper/);
  });

  await test.step('once fixed, “Analyse again” re-runs only what failed and what builds on it', async () => {
    const framesSeconds = stages.frames.stats.seconds;
    await context.unrouteAll();
    await briOf(page).configure({ models: FIXTURE_MODELS });
    await library.card('jfk_bus_zidane.mp4').getByRole('button', { name: 'Analyse again' }).click();
    // The click queues the stages again; only then does waiting on them mean this run.
    await expect
      .poll(async () => (await briOf(page).status(id)).stages.captions)
      .toMatchObject({ state: expect.not.stringMatching(/failed/) });
    await briOf(page).whenIndexed(id, { stages: ['transcript', 'captions', 'embeddings'] });
    const after = await briOf(page).status(id);
    for (const [stage, row] of Object.entries(after.stages)) {
      expect(row.state, `${stage}: ${row.detail ?? ''}`).toBe('done');
    }
    expect(after.stages.frames.stats.seconds).toBe(framesSeconds);
    expect(after.completeness.captions?.ratio).toBe(1);
  });
});
