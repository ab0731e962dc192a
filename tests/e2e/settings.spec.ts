import { addVideo, briOf, expect, test } from './fixtures';
import { on } from './support/parts';
import { snapScreens } from './support/screens';
import { waitForBri } from './support/bri-in-page';
import { FakeGroq } from '../support/fake-groq';

test('Settings lists the models with licences and sizes, and keeps the user’s choice', async ({
  page,
}) => {
  await page.goto('/');
  await waitForBri(page);
  const dialog = on(page).settings.dialog;
  const row = (role: string) => on(dialog).settings.modelRowFor(role);

  await test.step('Settings opens on what everyone needs; the models wait under Advanced', async () => {
    await on(page).settings.open.click();
    await expect(on(dialog).settings.groqKey).toBeInViewport();
    await expect(on(dialog).settings.modelRow.first()).toBeHidden();
    await snapScreens(page, 'settings');
  });

  await test.step('the fast set is the default, one row per task', async () => {
    await on(page).settings.advanced.click();
    await expect(on(dialog).settings.modelRow).toHaveCount(9);
    await expect(on(dialog).settings.setFast).toBeChecked();
    await expect(row('asr')).toContainText('Whisper tiny (English)');
    await expect(row('asr')).toContainText('MIT');
    await expect(row('asr')).toContainText(/≈ \d+(\.\d)? MB/);
    await expect(row('detect')).toContainText('Apache-2.0');
    await expect(row('ocr')).toContainText('ships with BRI');
  });

  await test.step('choosing "accurate" shows its models before saving', async () => {
    await on(dialog).settings.setAccurate.check();
    await expect(row('asr')).toContainText('Whisper base (multilingual)');
    await expect(row('caption')).toContainText('BSD-3');
  });

  await test.step('a bad base URL is refused in plain words and nothing is stored', async () => {
    await on(dialog).settings.baseUrl.fill('models.local');
    await on(dialog).settings.save.click();
    await expect(on(dialog).settings.error).toHaveText(
      'Model base URL (modelBaseUrl) was not changed: it must be a full http:// or https:// address.',
    );
    await expect(dialog).toBeVisible();
    const stored = await briOf(page).configure({});
    expect(stored.modelSet).toBe('fast');
  });

  await test.step('a good choice is stored and survives a reload', async () => {
    await on(dialog).settings.baseUrl.fill('http://localhost:4190/');
    await on(dialog).settings.modelIdDetect.fill('yolox-nano/yolox_nano.onnx');
    await expect(row('detect')).toContainText('unknown');
    await on(dialog).settings.autoAnalyse.uncheck();
    await on(dialog).settings.shareFileNames.uncheck();
    await on(dialog).settings.save.click();
    await expect(dialog).toBeHidden();
    const stored = await briOf(page).configure({});
    expect(stored).toEqual({
      modelSet: 'accurate',
      modelBaseUrl: 'http://localhost:4190/',
      models: { detect: 'yolox-nano/yolox_nano.onnx' },
      autoAnalyse: false,
      groqApiKey: null,
      groqBaseUrl: null,
      groqModel: 'openai/gpt-oss-20b',
      localChat: false,
      wasmThreads: 'auto',
      backend: 'auto',
      shareWithGroq: {
        transcript: true,
        onScreenText: true,
        captions: true,
        objectNames: true,
        fileNames: false,
      },
      agentTools: false,
    });
    await page.reload();
    await on(page).settings.open.click();
    await on(page).settings.advanced.click();
    await expect(on(dialog).settings.setAccurate).toBeChecked();
    await expect(on(dialog).settings.baseUrl).toHaveValue('http://localhost:4190/');
    await expect(on(dialog).settings.modelIdDetect).toHaveValue('yolox-nano/yolox_nano.onnx');
    await expect(on(dialog).settings.autoAnalyse).not.toBeChecked();
    await expect(on(dialog).settings.shareFileNames).not.toBeChecked();
    await expect(on(dialog).settings.shareTranscript).toBeChecked();
  });
});

test('in a browser without WebMCP the agents switch says so, and turning it on changes nothing else', async ({
  page,
}) => {
  const said: string[] = [];
  page.on('console', (message) => said.push(message.text()));
  page.on('pageerror', (error) => said.push(error.message));
  await page.goto('/');
  await waitForBri(page);
  await on(page).settings.open.click();
  const dialog = on(page).settings.dialog;
  await expect(on(dialog).settings.agentTools).not.toBeChecked();
  await expect(on(dialog).settings.agents).toContainText(
    'This browser doesn’t offer tools to agents yet (WebMCP)',
  );
  await on(dialog).settings.agentTools.check();
  await on(dialog).settings.save.click();
  await expect(dialog).toBeHidden();
  expect((await briOf(page).configure({})).agentTools).toBe(true);
  await page.reload();
  await waitForBri(page);
  const { tools } = await briOf(page).tools.list();
  expect(tools.length).toBeGreaterThan(0);
  await on(page).settings.open.click();
  await on(page).settings.advanced.click();
  await on(page).settings.diagnostics.click();
  await expect(on(page).diagnostics.agents).toContainText('No AI agent in this browser');
  await expect(on(page).diagnostics.page).not.toContainText('WebMCP');
  expect(said.filter((text) => /webmcp|modelContext|agents?\b/i.test(text))).toEqual([]);
});

test('the Groq key: tested against the API, kept in this browser, never shown back in full', async ({
  page,
}) => {
  const fake = new FakeGroq();
  const groqUrl = await fake.start();
  try {
    await page.goto('/');
    await waitForBri(page);
    await on(page).settings.open.click();
    const dialog = on(page).settings.dialog;
    await on(dialog).settings.groqBaseUrl.fill(groqUrl);

    await test.step('a wrong key is refused in plain words', async () => {
      await on(dialog).settings.groqKey.fill('gsk_not_the_right_key');
      await on(dialog).settings.groqTest.click();
      await expect(on(dialog).settings.groqStatus).toHaveText(
        'Groq did not accept your API key. Check it in Settings (it starts with "gsk_").',
      );
    });

    await test.step('the right key lists the models, and is saved masked', async () => {
      await on(dialog).settings.groqKey.fill(fake.apiKey);
      await on(dialog).settings.groqTest.click();
      await expect(on(dialog).settings.groqStatus).toHaveText('The key works: 2 models available.');
      await on(dialog).settings.groqModel.fill('llama-3.3-70b-versatile');
      await on(dialog).settings.save.click();
      await expect(dialog).toBeHidden();
      const stored = await briOf(page).configure({});
      expect(stored).toMatchObject({
        groqApiKey: `…${fake.apiKey.slice(-4)}`,
        groqBaseUrl: groqUrl,
        groqModel: 'llama-3.3-70b-versatile',
      });
    });

    await test.step('after a reload the key is still there, in a password field', async () => {
      await page.reload();
      await on(page).settings.open.click();
      const key = on(page).settings.groqKey;
      await expect(key).toHaveAttribute('type', 'password');
      await expect(key).toHaveValue(fake.apiKey);
    });
  } finally {
    await fake.stop();
  }
});

test('a new Groq host in Settings asks for the key again: the saved one never goes there', async ({
  page,
  library,
  chat,
  bri,
}) => {
  const first = new FakeGroq();
  const second = new FakeGroq();
  const [firstUrl, secondUrl] = [await first.start(), await second.start()];
  try {
    await page.goto('/');
    await bri.configure({ autoAnalyse: false, groqApiKey: first.apiKey, groqBaseUrl: firstUrl });
    await addVideo(library, 'jfk_bus_zidane.mp4');
    const dialog = on(page).settings.dialog;

    await test.step('only the base URL changes: the key field empties and says why', async () => {
      await on(page).settings.open.click();
      await expect(on(dialog).settings.groqKey).toHaveValue(first.apiKey);
      await on(dialog).settings.groqBaseUrl.fill(secondUrl);
      await expect(on(dialog).settings.groqKey).toHaveValue('');
      await expect(on(dialog).settings.groqKeyLeft).toContainText(
        `Your saved key stays with ${firstUrl}`,
      );
      // Back to the saved host, the saved key comes back; then away again.
      await on(dialog).settings.groqBaseUrl.fill(firstUrl);
      await expect(on(dialog).settings.groqKey).toHaveValue(first.apiKey);
      await on(dialog).settings.groqBaseUrl.fill(secondUrl);
      await on(dialog).settings.save.click();
      await expect(dialog).toBeHidden();
    });

    await test.step('the next question goes to neither host: no key, so the tools answer', async () => {
      await chat.ask('What is in my library?');
      await expect(chat.messages).toHaveCount(1);
      await expect(chat.messages.last()).toContainText('jfk_bus_zidane.mp4');
      expect(second.authorizations).toEqual([]);
      expect(first.authorizations).toEqual([]);
      expect((await bri.configure({})).groqApiKey).toBeNull();
    });

    await test.step('a key typed for the new host goes to it, and only to it', async () => {
      second.script({ text: 'One video: a speech, a bus and a footballer.' });
      await on(page).settings.open.click();
      await on(dialog).settings.groqKey.fill(second.apiKey);
      await on(dialog).settings.save.click();
      await expect(dialog).toBeHidden();
      await chat.ask('And now?');
      await expect(chat.messages).toHaveCount(2);
      await expect(chat.messages.last()).toContainText('a bus and a footballer');
      expect(second.authorizations).toEqual([`Bearer ${second.apiKey}`]);
      expect(first.authorizations).toEqual([]);
    });
  } finally {
    await Promise.all([first.stop(), second.stop()]);
  }
});
