import { addVideo, briOf, expect, test } from './fixtures';
import { readStoredState } from './support/stored-state';

test('a full disk mid-analysis fails the stage in plain words and leaves the library consistent', async ({
  page,
  library,
}) => {
  test.setTimeout(120_000);
  await library.open({ autoAnalyse: false });
  const id = await addVideo(library, 'jfk_bus_zidane.mp4');
  const before = await readStoredState(page);

  // Chromium's quota override does not hold back small IndexedDB writes, so the full disk is
  // simulated where the browser reports it: IndexedDB refusing the frames' writes with the
  // QuotaExceededError a full disk raises. Everything above that line is the real code.
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args) {
      if (this.name === 'frames' && (window as { diskFull?: boolean }).diskFull) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return put.apply(this, args);
    } as typeof put;
    (window as { diskFull?: boolean }).diskFull = true;
  });
  await briOf(page).analyse(id, { stages: ['frames'] });
  await expect(library.card('jfk_bus_zidane.mp4')).toContainText(
    'The browser’s storage for BRI is full, so these results could not be saved.',
  );
  const status = await briOf(page).status(id);
  expect(status.stages.frames.state).toBe('failed');
  await page.evaluate(() => ((window as { diskFull?: boolean }).diskFull = false));
  const after = await readStoredState(page);
  // No half-written frames or scenes; the video, its file and poster are untouched.
  expect(after.tables.frames).toBe(0);
  expect(after.tables.scenes).toBe(0);
  expect(after.opfsFiles).toEqual(before.opfsFiles);
  for (const table of ['videos', 'posters', 'videoBlobs']) {
    expect(after.tables[table], table).toBe(before.tables[table]);
  }

  await test.step('with room again, “Analyse again” stores the frames', async () => {
    await library.card('jfk_bus_zidane.mp4').getByRole('button', { name: 'Analyse again' }).click();
    await expect.poll(async () => (await briOf(page).status(id)).stages.frames.state).toBe('done');
    expect((await readStoredState(page)).tables.frames).toBeGreaterThan(0);
  });
});
