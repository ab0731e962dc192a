import { expect, test } from './fixtures';
import { on } from './support/parts';
import { mediaPath } from '../paths';

test('the library works from the keyboard, with visible focus and labelled controls', async ({
  page,
  library,
}) => {
  await library.open();
  await library.pick(mediaPath('jfk_bus_zidane.mp4'));

  await test.step('Tab reaches the picker button, with a focus ring', async () => {
    const choose = page.getByRole('button', { name: 'Choose a video…' });
    for (
      let i = 0;
      i < 10 && !(await choose.evaluate((el) => el === document.activeElement));
      i++
    ) {
      await page.keyboard.press('Tab');
    }
    await expect(choose).toBeFocused();
    expect(await choose.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Enter');
    await (await chooser).setFiles([]);
  });

  await test.step('the delete button is named for its video and opens a dialog that Escape closes', async () => {
    const remove = page.getByRole('button', { name: 'Delete jfk_bus_zidane.mp4' });
    await remove.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Delete this video?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Keep it' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(library.cards).toHaveCount(1);
  });

  await test.step('Tab and Enter on the dialog delete the video', async () => {
    await page.getByRole('button', { name: 'Delete jfk_bus_zidane.mp4' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(on(page).library.deleteConfirm).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(library.empty).toBeVisible();
  });
});
