import { expect, test, type Page } from '@playwright/test';
import { mediaPath } from '../paths';
import { FakeGroq, type ChatRequest } from './support/fake-groq';
import { LibraryPage } from './support/library-page';

const fake = new FakeGroq();
let groqUrl = '';
test.beforeAll(async () => {
  groqUrl = await fake.start();
});
test.afterAll(() => fake.stop());

const mmss = (t: number) =>
  `[${String(Math.floor(t / 60)).padStart(2, '0')}:${String(Math.floor(t % 60)).padStart(2, '0')}]`;

/** What the model was sent back by the last tool it called. */
function lastToolResult(request: ChatRequest): { ranges: { start: number }[] } {
  const message = request.messages.at(-1);
  if (message?.role !== 'tool') throw new Error('expected a tool result last');
  return (JSON.parse(message.content) as { result: { ranges: { start: number }[] } }).result;
}

async function ask(page: Page, question: string) {
  await page.getByTestId('chat.input').fill(question);
  await page.getByTestId('chat.send').click();
}

test('asking when the bus appears: find_object is called, the streamed answer cites both bus scenes, and a citation seeks the player', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const library = new LibraryPage(page);
  await library.open({ autoAnalyse: false });
  await library.pick(mediaPath('lecture-5min.mp4'));
  const id = await library.videoId('lecture-5min.mp4');
  expect((await library.analyse(id, ['frames', 'objects'])).stages.objects.state).toBe('done');
  await page.evaluate(([key, url]) => window.bri.configure({ groqApiKey: key, groqBaseUrl: url }), [
    fake.apiKey,
    groqUrl,
  ] as const);
  await page.getByTestId('library.open').click();
  await expect(page.getByTestId('video.view')).toBeVisible();
  const messages = page.getByTestId('chat.message');
  const citations = page.getByTestId('chat.citation');

  await test.step('the agent calls find_object and cites ~0:20 and ~2:20; an invented time stays text', async () => {
    fake.script(
      { toolCalls: [{ name: 'find_object', arguments: { label: 'bus' } }] },
      (request) => {
        const starts = lastToolResult(request).ranges.map((r) => mmss(r.start));
        return {
          text: `The bus appears at ${starts.join(' and again at ')}. It also drives past at [04:50].`,
          chunkDelayMs: 20,
        };
      },
    );
    await ask(page, 'When does the bus appear?');
    await expect(messages).toHaveCount(1);
    expect(fake.requests[0]?.tools?.map((t) => t.function.name)).toContain('find_object');
    expect(fake.requests[1]?.messages.at(-1)?.role).toBe('tool');
    await expect(citations).toHaveCount(2);
    const times = await citations.evaluateAll((els) =>
      els.map((el) => Number(el.getAttribute('data-t'))),
    );
    expect(Math.abs((times[0] ?? 0) - 20)).toBeLessThanOrEqual(6);
    expect(Math.abs((times[1] ?? 0) - 140)).toBeLessThanOrEqual(6);
    await expect(messages.first()).toContainText('[04:50]');
    await expect(page.getByTestId('chat.suggestion').first()).toBeVisible();

    // For a person to look at (not committed): the video view with a cited answer.
    await page.screenshot({ path: test.info().outputPath('video-view-1280.png') });
    await citations.nth(1).click();
    await expect
      .poll(() => page.getByTestId('player.video').evaluate((v: HTMLVideoElement) => v.currentTime))
      .toBeCloseTo(times[1] ?? 0, 0);
  });

  await test.step('a follow-up question is sent with the previous turn', async () => {
    fake.script({ text: 'You asked when the bus appears.' });
    await ask(page, 'What did I just ask?');
    await expect(messages).toHaveCount(2);
    expect(fake.requests.at(-1)?.messages.slice(1)).toEqual([
      { role: 'user', content: 'When does the bus appear?' },
      { role: 'assistant', content: expect.stringContaining('The bus appears at') },
      { role: 'user', content: 'What did I just ask?' },
    ]);
  });

  await test.step('errors: a server error offers a retry that works; the conversation stays', async () => {
    fake.script({ status: 503 }, { status: 503 }, { status: 503 });
    await ask(page, 'Is there a tie?');
    await expect(page.getByTestId('chat.error')).toContainText(
      'Groq had a problem on its side (503)',
    );
    await expect(messages).toHaveCount(2);
    await expect(page.getByTestId('chat.input')).toHaveValue('Is there a tie?');
    fake.script({ text: 'Let me look — I found no tie in the detections.' });
    await page.getByTestId('chat.retry').click();
    await expect(messages).toHaveCount(3);
    await expect(page.getByTestId('chat.error')).toHaveCount(0);
  });

  await test.step('a rate limit is waited out as Groq asks; malformed tool arguments are survived', async () => {
    fake.script(
      { status: 429, headers: { 'retry-after': '1' } },
      { toolCalls: [{ name: 'find_object', arguments: '{"label": bus' }] },
      { text: 'Sorry, let me answer plainly: no tie that I can see.' },
    );
    await ask(page, 'Any tie at all?');
    await expect(messages).toHaveCount(4);
    const toolMessage = fake.requests.at(-1)?.messages.at(-1);
    expect(toolMessage?.role === 'tool' && toolMessage.content).toContain('invalid_arguments');
  });

  await test.step('a wrong key and a lost connection are explained; the question waits to be retried', async () => {
    await page.evaluate(() => window.bri.configure({ groqApiKey: 'gsk_revoked_key' }));
    await ask(page, 'Anything else?');
    await expect(page.getByTestId('chat.error').locator('p')).toHaveText(
      'Groq did not accept your API key. Check it in Settings (it starts with "gsk_").',
    );
    await page.evaluate(
      (key) => window.bri.configure({ groqApiKey: key, groqBaseUrl: 'http://127.0.0.1:9' }),
      fake.apiKey,
    );
    await page.getByTestId('chat.retry').click();
    await expect(page.getByTestId('chat.error').locator('p')).toContainText("Couldn't reach Groq");
    await expect(messages).toHaveCount(4);
    await expect(page.getByTestId('chat.input')).toHaveValue('Anything else?');
    await page.evaluate((url) => window.bri.configure({ groqBaseUrl: url }), groqUrl);
  });

  await test.step('without a key the tools answer alone, still with real citations', async () => {
    await page.evaluate(() => window.bri.configure({ groqApiKey: null }));
    const before = fake.requests.length;
    await ask(page, 'When does the bus appear?');
    await expect(messages).toHaveCount(5);
    await expect(messages.last()).toHaveAttribute('data-mode', 'tools');
    await expect(messages.last().getByTestId('chat.citation').first()).toBeVisible();
    expect(fake.requests.length).toBe(before);
  });

  await test.step('a reload keeps the conversation; wiping it asks first, then forgets it', async () => {
    await page.reload();
    await expect(page.getByTestId('video.view')).toBeVisible();
    await expect(messages).toHaveCount(5);
    await page.getByTestId('chat.wipe').click();
    await page.getByRole('button', { name: 'Wipe memory' }).last().click();
    await expect(messages).toHaveCount(0);
    expect(await page.evaluate((id) => window.bri.wipeMemory(id), id)).toBe(0);
  });
});

test('without Groq, the local chat model (transformers.js in its worker) words the answer', async ({
  page,
}) => {
  const library = new LibraryPage(page);
  await library.open({ autoAnalyse: false });
  await library.pick(mediaPath('jfk_bus_zidane.mp4'));
  await page.evaluate(() => window.bri.configure({ groqApiKey: null, localChat: true }));
  await page.getByTestId('library.open').click();
  await ask(page, 'What is this video about?');
  const message = page.getByTestId('chat.message');
  await expect(message).toHaveCount(1, { timeout: 60_000 });
  await expect(message).toHaveAttribute('data-mode', 'local');
  await expect(message).not.toBeEmpty();
});
