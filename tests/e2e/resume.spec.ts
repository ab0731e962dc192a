import { addVideo, briOf, expect, test } from './fixtures';
import { startAnalysis, waitForBri } from './support/bri-in-page';

// Whisper here is the random-weight fixture: deterministic, so a resumed run must end with exactly
// the transcript an uninterrupted run stored.
test('a reload during transcription resumes from the stored chunks and ends with the same transcript', async ({
  page,
  library,
}) => {
  test.setTimeout(300_000);
  await library.open({ autoAnalyse: false });
  const id = await addVideo(library, 'lecture-5min.mp4');
  const transcriptOf = async () =>
    (await briOf(page).getIndex(id)).transcript.map(({ start, end, text }) => ({
      start,
      end,
      text,
    }));
  const transcriptState = async () => (await briOf(page).status(id)).stages.transcript;

  const reference = await test.step('an uninterrupted run', async () => {
    await briOf(page).analyse(id, { stages: ['speech', 'transcript'] });
    const stage = await transcriptState();
    expect(stage.state, stage.detail ?? '').toBe('done');
    expect(stage.stats.chunks).toBeGreaterThan(3);
    return transcriptOf();
  });
  expect(reference.length).toBeGreaterThan(0);

  await test.step('the same stage again, with a reload once some chunks are stored', async () => {
    await startAnalysis(page, id, ['transcript']);
    // Running (it cleared the first run's rows as it started) with some chunks stored again.
    await expect
      .poll(
        async () =>
          (await transcriptState()).state === 'running' && (await transcriptOf()).length > 0,
        { intervals: [100] },
      )
      .toBe(true);
    await page.reload();
    await waitForBri(page);
  });

  await test.step('the app goes on by itself, skipping the stored chunks', async () => {
    await expect
      .poll(async () => (await transcriptState()).state, { timeout: 180_000 })
      .toBe('done');
    const stage = await transcriptState();
    expect(stage.stats.resumedChunks).toBeGreaterThan(0);
    expect(stage.stats.resumedChunks).toBeLessThan(stage.stats.chunks ?? 0);
    const resumed = await transcriptOf();
    expect(resumed).toEqual(reference);
    expect(stage.stats.segments).toBe(reference.length);
    // The other stages were not started by the reload.
    const { stages } = await briOf(page).status(id);
    expect(stages.frames.state).toBe('not-started');
  });
});
