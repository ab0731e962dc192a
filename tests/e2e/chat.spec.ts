import { expect, test } from './fixtures';
import { mediaPath } from '../paths';

// The chat with Groq (the fake) is tested over the indexed lecture in lecture-agent.spec.ts.

test('without Groq, the local chat model (transformers.js in its worker) words the answer', async ({
  page,
  library,
}) => {
  await library.open({ autoAnalyse: false });
  await library.pick(mediaPath('jfk_bus_zidane.mp4'));
  await page.evaluate(() => window.bri.configure({ groqApiKey: null, localChat: true }));
  await page.getByTestId('library.open').click();
  await page.getByTestId('chat.input').fill('What is this video about?');
  await page.getByTestId('chat.send').click();
  const message = page.getByTestId('chat.message');
  await expect(message).toHaveCount(1, { timeout: 60_000 });
  await expect(message).toHaveAttribute('data-mode', 'local');
  await expect(message).not.toBeEmpty();
});
