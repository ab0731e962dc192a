import { addVideo, expect, test } from './fixtures';
import { writeFileSync } from 'node:fs';

test('a tampered backup restores what is sound and skips the rest, and the library still renders', async ({
  page,
  library,
  bri,
}) => {
  await library.open({ autoAnalyse: false });
  const good = await addVideo(library, 'jfk_bus_zidane.mp4');
  const bad = await addVideo(library, 'no-audio.mp4');

  const tampered = await test.step('back up both, then tamper with one as an attacker would', () =>
    page.evaluate(
      async ([badId]) => {
        const archive = await window.bri.exportBackup();
        const length = new DataView(await archive.slice(8, 12).arrayBuffer()).getUint32(0, true);
        const manifest = JSON.parse(await archive.slice(12, 12 + length).text()) as {
          parts: { size: number; type: string }[];
          body: {
            videos: {
              video: { id: string; createdAt: number };
              rows: { posters: { blob: { $blob: number } }[] };
            }[];
          };
        };
        for (const entry of manifest.body.videos) {
          // Every poster claims to be a web page: opened, it would run script on BRI's origin.
          for (const poster of entry.rows.posters) {
            const part = manifest.parts[poster.blob.$blob];
            if (part) part.type = 'text/html';
          }
          if (entry.video.id === badId) entry.video.createdAt = 1e300;
        }
        const json = new TextEncoder().encode(JSON.stringify(manifest));
        const header = new Uint8Array(12);
        header.set(new TextEncoder().encode('BRIINDEX'));
        new DataView(header.buffer).setUint32(8, json.length, true);
        const bytes = await new Blob([header, json, archive.slice(12 + length)]).arrayBuffer();
        let binary = '';
        const view = new Uint8Array(bytes);
        for (let i = 0; i < view.length; i += 0x8000) {
          binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
        }
        return btoa(binary);
      },
      [bad] as const,
    ));

  await library.deleteCard('jfk_bus_zidane.mp4');
  await library.deleteCard('no-audio.mp4');
  const path = test.info().outputPath('tampered.bri');
  writeFileSync(path, Buffer.from(tampered, 'base64'));
  await library.pick(path);

  const message = library.errors.last();
  await expect(message).toContainText('Restored 1 video from the backup. Not restored:');
  await expect(message).toContainText(
    '“no-audio.mp4” was not restored: its record is damaged (createdAt',
  );
  await expect(library.cards).toHaveCount(1);
  await expect(library.card('jfk_bus_zidane.mp4')).toBeVisible();
  expect((await bri.listVideos()).map((v) => v.id)).toEqual([good]);
  const posterType = await page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open('bri');
      request.onsuccess = () => resolve(request.result);
    });
    const poster = await new Promise<{ blob: Blob }>((resolve) => {
      const get = db.transaction('posters').objectStore('posters').get(id);
      get.onsuccess = () => resolve(get.result as { blob: Blob });
    });
    db.close();
    return poster.blob.type;
  }, good);
  expect(posterType).toBe('image/webp');
  await page.reload();
  await expect(library.cards).toHaveCount(1);
});
