import { briOf, expect, test } from './fixtures';
import { on } from './support/parts';
import { startAnalysis } from './support/bri-in-page';
import type { Page } from '@playwright/test';
import { mediaPath } from '../paths';
import { LibraryPage } from './support/library-page';

/** Worker scripts a page starts for analysis (media decoding, detection). */
function watchAnalysisWorkers(page: Page): string[] {
  const started: string[] = [];
  page.on('worker', (worker) => {
    if (/media\.worker|vision\.worker|ocr\.worker/.test(worker.url())) started.push(worker.url());
  });
  return started;
}

test('two tabs: one analyses, the other shows its progress live and takes over when it closes', async ({
  context,
}) => {
  test.setTimeout(240_000);
  const first = await context.newPage();
  const firstLibrary = new LibraryPage(first);
  await firstLibrary.open({ autoAnalyse: false });
  await firstLibrary.pick(mediaPath('jfk_bus_zidane.mp4'));
  const id = await firstLibrary.videoId('jfk_bus_zidane.mp4');

  const second = await context.newPage();
  const secondLibrary = new LibraryPage(second);
  await secondLibrary.open({ autoAnalyse: false });
  const secondWorkers = watchAnalysisWorkers(second);
  const badge = on(secondLibrary.card('jfk_bus_zidane.mp4')).library.badge;

  await test.step('both tabs ask at once: the first tab runs it, once', async () => {
    const ask = (page: Page) => briOf(page).analyse(id, { stages: ['frames', 'objects'] });
    const both = Promise.all([ask(first), ask(second)]);
    // The second tab shows the first tab's progress as it happens.
    await expect(badge).toContainText('Analysing');
    await both;
    await expect(badge).toHaveText('Indexed');
    expect(secondWorkers).toEqual([]);
    const index = await briOf(second).getIndex(id);
    const tracks = index.objects.map((t) => `${t.label}@${t.start}-${t.end}`);
    const counts = {
      frames: index.frames.length,
      detections: index.detections.length,
      tracks: tracks.length,
      distinctTracks: new Set(tracks).size,
    };
    expect(counts.frames).toBeGreaterThan(0);
    expect(counts.detections).toBe(counts.frames);
    expect(counts.tracks).toBe(counts.distinctTracks);
  });

  await test.step('the leading tab closes mid-analysis: the other takes over and finishes', async () => {
    await startAnalysis(first, id, ['frames', 'objects', 'text']);
    await expect(badge).toContainText('Analysing');
    await first.close();
    const status = await secondLibrary.waitForAnalysis(id);
    expect(status.stages.text.state).toBe('done');
    expect(status.stages.objects.state).toBe('done');
    expect(secondWorkers.length).toBeGreaterThan(0);
    await expect(badge).toHaveText('Indexed');
  });
});
