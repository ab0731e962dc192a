import type { Page } from '@playwright/test';
import { addVideo, briOf, expect, test } from './fixtures';
import { on } from './support/parts';

/** Rewrites rows in IndexedDB directly, as a damaged or hostile backup could have left them. */
function damage(page: Page, videoId: string, otherId: string) {
  return page.evaluate(
    async ([broken, other]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('bri');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const done = (tx: IDBTransaction) =>
        new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      const videos = db.transaction('videos', 'readwrite');
      const store = videos.objectStore('videos');
      const get = store.get(broken);
      get.onsuccess = () => store.put({ ...get.result, createdAt: 1e300 });
      await done(videos);
      const turns = db.transaction('chatTurns', 'readwrite');
      turns.objectStore('chatTurns').put({
        videoId: other,
        question: 'What is this?',
        answer: 42,
        citations: 7,
        toolCalls: [],
        suggestions: [],
        mode: 'tools',
        createdAt: 1_765_000_000_000,
      });
      await done(turns);
      db.close();
    },
    [videoId, otherId] as const,
  );
}

test('one bad row cannot blank the app: the part it breaks says so and offers a way out', async ({
  page,
  library,
  videoView,
}) => {
  await library.open({ autoAnalyse: false });
  const good = await addVideo(library, 'jfk_bus_zidane.mp4');
  const bad = await addVideo(library, 'no-audio.mp4');
  await damage(page, bad, good);
  await page.reload();
  await library.open({ autoAnalyse: false });

  await test.step('the library still shows the good card; the damaged one can be deleted', async () => {
    await expect(library.card('jfk_bus_zidane.mp4')).toBeVisible();
    const broken = on(page).error.boundary;
    await expect(broken).toHaveCount(1);
    await expect(broken).toContainText('the card of “no-audio.mp4”');
    await broken.getByRole('button', { name: 'Delete this video' }).click();
    await expect(broken).toHaveCount(0);
    expect((await briOf(page).listVideos()).map((v) => v.id)).toEqual([good]);
  });

  await test.step('a chat turn of the wrong shape breaks only the chat, not the video view', async () => {
    await page.goto(`/#/video/${good}`);
    await expect(videoView.view).toBeVisible();
    await expect(videoView.player).toBeVisible();
    await expect(on(page).error.boundary).toContainText('the chat');
    await expect(page.getByRole('tab', { name: 'Transcript' })).toBeVisible();
  });

  await test.step('a malformed video link opens the library', async () => {
    await page.goto('/#/video/%E0');
    await expect(library.card('jfk_bus_zidane.mp4')).toBeVisible();
  });
});
