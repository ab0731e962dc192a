import { briOf, expect, test } from './fixtures';
import { on } from './support/parts';
import { mediaPath } from '../paths';

// The chat with Groq (the fake) is tested over the indexed lecture in lecture-agent.spec.ts.

test('without Groq, the local chat model (transformers.js in its worker) words the answer', async ({
  page,
  library,
}) => {
  await library.open({ autoAnalyse: false });
  await library.pick(mediaPath('jfk_bus_zidane.mp4'));
  await briOf(page).configure({ groqApiKey: null, localChat: true });
  await on(page).library.open.click();
  await on(page).chat.input.fill('What is this video about?');
  await on(page).chat.send.click();
  const message = on(page).chat.message;
  await expect(message).toHaveCount(1, { timeout: 60_000 });
  await expect(message).toHaveAttribute('data-mode', 'local');
  await expect(message).not.toBeEmpty();
});
