import { addVideo, expect, test } from './fixtures';
import { on } from './support/parts';
import { FakeGroq } from '../support/fake-groq';
import { ChatPage } from './support/chat-page';
import { LibraryPage } from './support/library-page';
import { rowsMentioning } from './support/stored-state';

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
