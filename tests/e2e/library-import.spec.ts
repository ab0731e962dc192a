import { briOf, expect, test } from './fixtures';
import { on } from './support/parts';
import { briVersion, importMadeFile, waitForBri } from './support/bri-in-page';
import { mediaPath } from '../paths';
import { probeTruth } from './support/media-truth';
import { readStoredState } from './support/stored-state';

const FILES = [
  'jfk_bus_zidane.mp4',
  'jfk_bus_zidane.webm',
  'jfk_bus_zidane.mkv',
  'jfk_bus_zidane.mov',
  'jfk_bus_zidane.avi',
  'lecture-5min.mp4',
];

function clock(seconds: number): string {
  const s = Math.floor(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

test('imports every supported container, keeps them across a reload, and deletes them completely', async ({
  page,
  library,
}) => {
  await library.open({ autoAnalyse: false });
  await expect(library.empty).toBeVisible();

  await test.step('import each container through the file picker', async () => {
    for (const [index, name] of FILES.entries()) {
      await library.pick(mediaPath(name));
      await expect(library.errors).toHaveCount(0);
      await expect(library.cards).toHaveCount(index + 1);
    }
  });

  const checkCards = async () => {
    const videos = await briOf(page).listVideos();
    expect(videos.map((v) => v.name).sort()).toEqual([...FILES].sort());
    for (const video of videos) {
      const truth = probeTruth(mediaPath(video.name));
      expect(
        Math.abs(video.duration - truth.duration),
        `${video.name} duration`,
      ).toBeLessThanOrEqual(0.2);
      expect([video.width, video.height]).toEqual([truth.width, truth.height]);
      const card = library.card(video.name);
      await expect(on(card).library.duration).toHaveText(clock(video.duration));
      await expect(on(card).library.dimensions).toHaveText(`${truth.width}×${truth.height}`);
      await expect(card.locator('img')).toHaveJSProperty('complete', true);
      expect(
        await card.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth),
      ).toBeGreaterThan(0);
    }
    // Which reader understood each file: the lean MP4 index, mediabunny, or the ffmpeg.wasm fallback.
    expect(Object.fromEntries(videos.map((v) => [v.name, v.demuxer]))).toEqual({
      'jfk_bus_zidane.mp4': 'mp4-index',
      'jfk_bus_zidane.mov': 'mp4-index',
      'lecture-5min.mp4': 'mp4-index',
      'jfk_bus_zidane.webm': 'mediabunny',
      'jfk_bus_zidane.mkv': 'mediabunny',
      'jfk_bus_zidane.avi': 'ffmpeg',
    });
  };

  await test.step('cards show the right duration, dimensions and poster', checkCards);

  await test.step('a reload keeps the library', async () => {
    await page.reload();
    await waitForBri(page);
    await expect(library.cards).toHaveCount(FILES.length);
    await checkCards();
  });

  await test.step('cancelling the confirmation keeps the video', async () => {
    await on(library.card('lecture-5min.mp4')).library.delete.click();
    await page.getByRole('button', { name: 'Keep it' }).click();
    await expect(library.cards).toHaveCount(FILES.length);
  });

  await test.step('delete removes each video, its file and every row', async () => {
    const before = await readStoredState(page);
    expect(before.opfsFiles).toHaveLength(FILES.length);
    expect(before.tables).toMatchObject({ videos: FILES.length, posters: FILES.length });
    for (const name of FILES) await library.deleteCard(name);
    await expect(library.empty).toBeVisible();
    const after = await readStoredState(page);
    expect(after.opfsFiles).toEqual([]);
    expect(Object.values(after.tables).every((count) => count === 0)).toBe(true);
  });
});

test('drag and drop imports a video', async ({ page, library }) => {
  await library.open({ autoAnalyse: false });
  await library.dropFile(mediaPath('no-audio.mp4'), 'video/mp4');
  await expect(library.card('no-audio.mp4')).toContainText('No audio track');
  const [video] = await briOf(page).listVideos();
  expect(video).toMatchObject({
    name: 'no-audio.mp4',
    hasAudio: false,
    width: 640,
    height: 360,
    container: 'mp4',
  });
});

test('a drag entering the drop zone gets the import worker going before the drop, which uses it', async ({
  page,
  library,
}) => {
  await library.open({ autoAnalyse: false });
  const mediaWorkers: string[] = [];
  page.on('worker', (worker) => {
    if (worker.url().includes('media.worker')) mediaWorkers.push(worker.url());
  });
  const dataTransfer = await page.evaluateHandle(() => new DataTransfer());
  await library.drop.dispatchEvent('dragenter', { dataTransfer });
  await expect.poll(() => mediaWorkers.length).toBe(1);
  await library.dropFile(mediaPath('no-audio.mp4'), 'video/mp4');
  await expect(library.card('no-audio.mp4')).toContainText('No audio track');
  // The drop was checked by the worker the drag started, not by a second one.
  expect(mediaWorkers).toHaveLength(1);
});

test('the automation API imports, reads and deletes', async ({ page, library }) => {
  await library.open({ autoAnalyse: false });
  const result = {
    version: await briVersion(page),
    rejected: await importMadeFile(page, 'icon.png', { url: '/icons/icon-192.png' }),
    missing: await briOf(page).getVideo('nope'),
  };
  expect(result.version).toMatch(/^\d+\.\d+\.\d+/);
  expect(result.missing).toBeNull();
  expect(result.rejected).toEqual({
    name: 'NotAVideoError',
    message:
      "“icon.png” isn't a video BRI can open — it looks like an image (PNG). BRI accepts videos (MP4, MOV, MKV, WebM, AVI, MPEG-TS, FLV, Ogg) and sound recordings (M4A, MP3, WAV, FLAC, Ogg, AAC).",
  });

  await library.fileInput.setInputFiles(mediaPath('jfk_bus_zidane.webm'));
  await library.waitForImports();
  const [video] = await briOf(page).listVideos();
  expect(video?.container).toBe('webm');
  const id = video?.id ?? '';
  expect(await briOf(page).getVideo(id)).toMatchObject({
    id,
    name: 'jfk_bus_zidane.webm',
  });
  expect(await briOf(page).deleteVideo(id)).toBe(true);
  expect(await briOf(page).deleteVideo(id)).toBe(false);
  await expect(library.empty).toBeVisible();
});
