import { addVideo, expect, test } from './fixtures';
import { FakeGroq } from '../support/fake-groq';

test('Settings lists the models with licences and sizes, and keeps the user’s choice', async ({
  page,
}) => {
  await page.goto('/');
  await page.waitForFunction(() => typeof window.bri?.configure === 'function');
  const dialog = page.getByTestId('settings.dialog');
  const row = (role: string) =>
    dialog.locator(`[data-testid="settings.model-row"][data-role="${role}"]`);

  await test.step('the fast set is the default, one row per task', async () => {
    await page.getByTestId('settings.open').click();
    await expect(dialog.getByTestId('settings.model-row')).toHaveCount(7);
    await expect(dialog.getByTestId('settings.set-fast')).toBeChecked();
    await expect(row('asr')).toContainText('Whisper tiny (English)');
    await expect(row('asr')).toContainText('MIT');
    await expect(row('asr')).toContainText(/≈ \d+(\.\d)? MB/);
    await expect(row('detect')).toContainText('Apache-2.0');
    await expect(row('ocr')).toContainText('ships with BRI');
  });

  await test.step('choosing "accurate" shows its models before saving', async () => {
    await dialog.getByTestId('settings.set-accurate').check();
    await expect(row('asr')).toContainText('Whisper base (multilingual)');
    await expect(row('caption')).toContainText('BSD-3');
  });

  await test.step('a bad base URL is refused in plain words and nothing is stored', async () => {
    await dialog.getByTestId('settings.base-url').fill('models.local');
    await dialog.getByTestId('settings.save').click();
    await expect(dialog.getByTestId('settings.error')).toHaveText(
      'Model base URL (modelBaseUrl) was not changed: it must be a full http:// or https:// address.',
    );
    await expect(dialog).toBeVisible();
    const stored = await page.evaluate(() => window.bri.configure({}));
    expect(stored.modelSet).toBe('fast');
  });

  await test.step('a good choice is stored and survives a reload', async () => {
    await dialog.getByTestId('settings.base-url').fill('http://localhost:4190/');
    await dialog.getByTestId('settings.model-id.detect').fill('yolox-nano/yolox_nano.onnx');
    await expect(row('detect')).toContainText('unknown');
    await dialog.getByTestId('settings.auto-analyse').uncheck();
    await dialog.getByTestId('settings.share-fileNames').uncheck();
    await dialog.getByTestId('settings.save').click();
    await expect(dialog).toBeHidden();
    const stored = await page.evaluate(() => window.bri.configure({}));
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
    });
    await page.reload();
    await page.getByTestId('settings.open').click();
    await expect(dialog.getByTestId('settings.set-accurate')).toBeChecked();
    await expect(dialog.getByTestId('settings.base-url')).toHaveValue('http://localhost:4190/');
    await expect(dialog.getByTestId('settings.model-id.detect')).toHaveValue(
      'yolox-nano/yolox_nano.onnx',
    );
    await expect(dialog.getByTestId('settings.auto-analyse')).not.toBeChecked();
    await expect(dialog.getByTestId('settings.share-fileNames')).not.toBeChecked();
    await expect(dialog.getByTestId('settings.share-transcript')).toBeChecked();
  });
});

test('the Groq key: tested against the API, kept in this browser, never shown back in full', async ({
  page,
}) => {
  const fake = new FakeGroq();
  const groqUrl = await fake.start();
  try {
    await page.goto('/');
    await page.waitForFunction(() => typeof window.bri?.configure === 'function');
    await page.getByTestId('settings.open').click();
    const dialog = page.getByTestId('settings.dialog');
    await dialog.getByTestId('settings.groq-base-url').fill(groqUrl);

    await test.step('a wrong key is refused in plain words', async () => {
      await dialog.getByTestId('settings.groq-key').fill('gsk_not_the_right_key');
      await dialog.getByTestId('settings.groq-test').click();
      await expect(dialog.getByTestId('settings.groq-status')).toHaveText(
        'Groq did not accept your API key. Check it in Settings (it starts with "gsk_").',
      );
    });

    await test.step('the right key lists the models, and is saved masked', async () => {
      await dialog.getByTestId('settings.groq-key').fill(fake.apiKey);
      await dialog.getByTestId('settings.groq-test').click();
      await expect(dialog.getByTestId('settings.groq-status')).toHaveText(
        'The key works: 2 models available.',
      );
      await dialog.getByTestId('settings.groq-model').fill('llama-3.3-70b-versatile');
      await dialog.getByTestId('settings.save').click();
      await expect(dialog).toBeHidden();
      const stored = await page.evaluate(() => window.bri.configure({}));
      expect(stored).toMatchObject({
        groqApiKey: `…${fake.apiKey.slice(-4)}`,
        groqBaseUrl: groqUrl,
        groqModel: 'llama-3.3-70b-versatile',
      });
    });

    await test.step('after a reload the key is still there, in a password field', async () => {
      await page.reload();
      await page.getByTestId('settings.open').click();
      const key = page.getByTestId('settings.groq-key');
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
    const dialog = page.getByTestId('settings.dialog');

    await test.step('only the base URL changes: the key field empties and says why', async () => {
      await page.getByTestId('settings.open').click();
      await expect(dialog.getByTestId('settings.groq-key')).toHaveValue(first.apiKey);
      await dialog.getByTestId('settings.groq-base-url').fill(secondUrl);
      await expect(dialog.getByTestId('settings.groq-key')).toHaveValue('');
      await expect(dialog.getByTestId('settings.groq-key-left')).toContainText(
        `Your saved key stays with ${firstUrl}`,
      );
      // Back to the saved host, the saved key comes back; then away again.
      await dialog.getByTestId('settings.groq-base-url').fill(firstUrl);
      await expect(dialog.getByTestId('settings.groq-key')).toHaveValue(first.apiKey);
      await dialog.getByTestId('settings.groq-base-url').fill(secondUrl);
      await dialog.getByTestId('settings.save').click();
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
      await page.getByTestId('settings.open').click();
      await dialog.getByTestId('settings.groq-key').fill(second.apiKey);
      await dialog.getByTestId('settings.save').click();
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
