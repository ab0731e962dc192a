import { addVideo, expect, test } from './fixtures';
import { writeFileSync } from 'node:fs';
import { backupBytes } from './support/bri-in-page';

test('a tampered backup restores what is sound and skips the rest, and the library still renders', async ({
  page,
  library,
  bri,
}) => {
  await library.open({ autoAnalyse: false });
  const good = await addVideo(library, 'jfk_bus_zidane.mp4');
  const bad = await addVideo(library, 'no-audio.mp4');

  const tampered =
    await test.step('back up both, then tamper with one as an attacker would', async () => {
      // The archive: "BRIINDEX", the manifest's length, the manifest (JSON), then the parts.
      const archive = await backupBytes(page);
      const length = archive.readUInt32LE(8);
      const manifest = JSON.parse(archive.subarray(12, 12 + length).toString('utf8')) as {
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
        if (entry.video.id === bad) entry.video.createdAt = 1e300;
      }
      const json = Buffer.from(JSON.stringify(manifest));
      const header = Buffer.alloc(12);
      header.write('BRIINDEX');
      header.writeUInt32LE(json.length, 8);
      return Buffer.concat([header, json, archive.subarray(12 + length)]);
    });

  await library.deleteCard('jfk_bus_zidane.mp4');
  await library.deleteCard('no-audio.mp4');
  const path = test.info().outputPath('tampered.bri');
  writeFileSync(path, tampered);
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
