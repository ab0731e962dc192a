import { addVideo, expect, test } from './fixtures';
import { on } from './support/parts';
import { FakeGroq } from '../support/fake-groq';
import { ChatPage } from './support/chat-page';
import { LibraryPage } from './support/library-page';
import { readStoredState, rowsMentioning } from './support/stored-state';
import { exportText } from './support/bri-in-page';

/** A slow answer: streamed a word every 150 ms, long enough to delete the video meanwhile. */
const SLOW_ANSWER = {
  text: Array.from({ length: 60 }, (_, i) => `word${i}`).join(' '),
  chunkDelayMs: 150,
};

test('deleting a video while its answer streams in another tab leaves no row that names it', async ({
  context,
  page,
  library,
  chat,
  bri,
}) => {
  const fake = new FakeGroq();
  const groqUrl = await fake.start();
  try {
    await library.open({ autoAnalyse: false });
    await bri.configure({ groqApiKey: fake.apiKey, groqBaseUrl: groqUrl });
    const id = await addVideo(library, 'jfk_bus_zidane.mp4');
    const name = 'jfk_bus_zidane.mp4';

    await test.step('the library chat quotes it and caches a library-wide search', async () => {
      fake.script(
        { toolCalls: [{ name: 'search_transcript', arguments: { query: 'ask not' } }] },
        { text: `In ${name} nothing is transcribed yet.` },
      );
      await chat.ask('Where is “ask not” said?');
      await expect(chat.messages).toHaveCount(1);
      await expect(chat.messages.last()).toContainText('nothing is transcribed yet');
      expect(await rowsMentioning(page, [id])).not.toEqual([]);
    });

    await test.step('an answer about it streams in a second tab while the first deletes it', async () => {
      const other = await context.newPage();
      const otherLibrary = new LibraryPage(other);
      await otherLibrary.open({ autoAnalyse: false });
      await on(otherLibrary.card(name)).library.open.click();
      const otherChat = new ChatPage(other);
      fake.script(
        { toolCalls: [{ name: 'search_transcript', arguments: { query: 'bus' } }] },
        SLOW_ANSWER,
      );
      await otherChat.ask('Tell me everything about the bus.');
      await expect(other.getByText('word3', { exact: false })).toBeVisible();
      await library.deleteCard(name);
      // The other tab's answer stops (its video is gone) and stores nothing.
      await expect.poll(() => rowsMentioning(page, [id, name]), { timeout: 20_000 }).toEqual([]);
      await expect(other.getByText('word59', { exact: false })).toHaveCount(0);
      await other.close();
    });

    await test.step('nothing comes back later either', async () => {
      await page.reload();
      expect(await rowsMentioning(page, [id, name])).toEqual([]);
    });
  } finally {
    await fake.stop();
  }
});

test('deleting a video while a question’s span is analysed first stops it and keeps nothing', async ({
  page,
  library,
  chat,
  bri,
}) => {
  test.setTimeout(180_000);
  const fake = new FakeGroq();
  const groqUrl = await fake.start();
  try {
    await library.open();
    await bri.configure({ groqApiKey: fake.apiKey, groqBaseUrl: groqUrl });
    const id = await addVideo(library, 'lecture-5min.mp4');
    await on(library.card('lecture-5min.mp4')).library.open.click();
    fake.script(
      { toolCalls: [{ name: 'get_context_at', arguments: { t: 270 } }] },
      { text: 'At [04:30] something.' },
    );
    await chat.ask('What is on screen at 4:30?');
    await expect(on(page).chat.pending).toContainText('looking at it first');
    expect(await bri.deleteVideo(id)).toBe(true);
    await expect
      .poll(() => rowsMentioning(page, [id, 'lecture-5min']), { timeout: 30_000 })
      .toEqual([]);
    // The span's work ended with the deletion: no answer was asked for afterwards.
    expect(fake.requests.length).toBeLessThanOrEqual(1);
    await page.reload();
    expect(await rowsMentioning(page, [id, 'lecture-5min'])).toEqual([]);
  } finally {
    await fake.stop();
  }
});

test('a deleted video can be brought back for a few seconds, whole; a renamed one is renamed everywhere', async ({
  page,
  library,
  bri,
}) => {
  await library.open({ autoAnalyse: false });
  // A second video keeps the library (and its search) on screen while the first is deleted.
  const kept = await addVideo(library, 'no-audio.mp4');
  const id = await addVideo(library, 'jfk_bus_zidane.mp4');
  await library.analyse(id, ['frames', 'objects']);
  const before = await readStoredState(page);

  await test.step('renamed: the card, the stored record, the notes and a reload all say so', async () => {
    await library.rename('jfk_bus_zidane.mp4', '  Bus tour  ');
    await expect(library.card('Bus tour')).toBeVisible();
    expect((await bri.getVideo(id))?.name).toBe('Bus tour');
    expect(await exportText(page, id, 'md')).toContain('Bus tour');
    await page.reload();
    await expect(library.card('Bus tour')).toBeVisible();
  });

  await test.step('the poster opens the video too', async () => {
    await on(library.card('Bus tour')).library.poster.click();
    await expect(on(page).video.view).toBeVisible();
    await on(page).video.back.click();
  });

  await test.step('an empty name is refused in plain words and changes nothing', async () => {
    await on(library.card('Bus tour')).library.rename.click();
    await on(page).library.renameInput.fill('   ');
    await on(page).library.renameSave.click();
    await expect(library.card('Bus tour').getByRole('alert')).toHaveText(
      'A video needs a name: type one, or press Cancel.',
    );
    await library.card('Bus tour').getByRole('button', { name: 'Cancel' }).click();
  });

  await test.step('deleted, then undone: the card is back with every row and the file', async () => {
    await on(library.card('Bus tour')).library.delete.click();
    await on(page).library.deleteConfirm.click();
    await expect(library.card('Bus tour')).toHaveCount(0);
    await expect(library.deleted('Bus tour')).toBeVisible();
    // Nothing has left the device yet.
    expect(await readStoredState(page)).toEqual(before);
    await on(library.deleted('Bus tour')).library.undo.click();
    await expect(library.card('Bus tour')).toBeVisible();
    await expect(library.deleted('Bus tour')).toHaveCount(0);
    expect(await readStoredState(page)).toEqual(before);
  });

  await test.step('a search inside videos finds the detected bus; once deleted, its hits go too', async () => {
    await on(page).library.searchInsideInput.fill('bus');
    await on(page).library.searchInside.click();
    await expect(on(page).library.hit.first()).toContainText('detected');
    await on(library.card('Bus tour')).library.delete.click();
    await on(page).library.deleteConfirm.click();
    await expect(on(page).library.hit).toHaveCount(0);
    await on(library.deleted('Bus tour')).library.undo.click();
    await expect(library.card('Bus tour')).toBeVisible();
  });

  await test.step('deleted and left: when the window closes it is gone from the device', async () => {
    await on(library.card('Bus tour')).library.delete.click();
    await on(page).library.deleteConfirm.click();
    await expect(library.deleted('Bus tour')).toHaveCount(0, { timeout: 20_000 });
    expect((await bri.listVideos()).map((v) => v.id)).toEqual([kept]);
    expect((await readStoredState(page)).opfsFiles).toEqual([kept]);
    expect(await rowsMentioning(page, [id])).toEqual([]);
  });
});
