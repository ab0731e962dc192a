import { briOf, expect, test } from './fixtures';
import { importMadeFile } from './support/bri-in-page';
import { mediaPath } from '../paths';
import { readStoredState } from './support/stored-state';

const BAD_FILES = [
  { file: 'bad/empty.mp4', error: 'EmptyFileError', says: '“empty.mp4” is empty (0 bytes).' },
  {
    file: 'bad/truncated.mp4',
    error: 'TruncatedVideoError',
    says: '“truncated.mp4” looks truncated or damaged (the “mdat” section ends early: only 38 % of its data is present).',
  },
  {
    file: 'bad/not-a-video.mp4',
    error: 'NotAVideoError',
    says: "“not-a-video.mp4” isn't a video BRI can open — it looks like a text file.",
  },
  {
    file: 'bad/random-bytes.webm',
    error: 'NotAVideoError',
    says: "“random-bytes.webm” isn't a video BRI can open.",
  },
];

test('every broken input gets its own message and leaves the library untouched', async ({
  page,
  library,
}) => {
  await library.open({ autoAnalyse: false });
  await library.pick(mediaPath('jfk_bus_zidane.mp4'));
  await expect(library.cards).toHaveCount(1);
  const before = await readStoredState(page);
  const videosBefore = await briOf(page).listVideos();

  for (const { file, error, says } of BAD_FILES) {
    await test.step(file, async () => {
      await library.pick(mediaPath(file));
      const message = library.errors.last();
      await expect(message).toHaveAttribute('data-error', error);
      await expect(message).toContainText(says);
      await message.getByRole('button', { name: 'Dismiss' }).click();
      await expect(library.errors).toHaveCount(0);
    });
  }

  await test.step('the automation API rejects with the same named errors', async () => {
    const empty = await importMadeFile(page, 'empty.mp4', { text: [] });
    const text = await importMadeFile(page, 'x.mkv', { text: ['hello, world, this is text'] });
    expect([empty?.name, text?.name]).toEqual(['EmptyFileError', 'NotAVideoError']);
  });

  expect(await readStoredState(page)).toEqual(before);
  expect(await briOf(page).listVideos()).toEqual(videosBefore);
  await expect(library.cards).toHaveCount(1);
});

test('a video larger than the free storage is refused with what to free, and nothing is written', async ({
  page,
  library,
}) => {
  await library.open({ autoAnalyse: false });
  await library.pick(mediaPath('no-audio.mp4'));
  const before = await readStoredState(page);

  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(page.url()).origin;
  // Room for what is stored plus a little: lecture-5min.mp4 (4.5 MB) cannot fit.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 3_000_000 });
  try {
    await library.pick(mediaPath('lecture-5min.mp4'));
    const message = library.errors.last();
    await expect(message).toHaveAttribute('data-error', 'StorageFullError');
    await expect(message).toContainText(
      'Not enough storage for “lecture-5min.mp4”: it needs 12 MB',
    );
    await expect(message).toContainText('Delete videos you no longer need from the library');
  } finally {
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  }
  expect(await readStoredState(page)).toEqual(before);
  await expect(library.cards).toHaveCount(1);
});
