import { expect, test } from './fixtures';
import { on } from './support/parts';
import { importBuiltFile } from './support/built-file';
import { readFileSync, writeFileSync } from 'node:fs';
import { mediaPath } from '../paths';
import { ffmpegFile } from '../support/hostile-media';
import { DISPLAY_SIZE, FIELD_FILES } from '../support/field-media';

test('real-world containers and codecs import with their true length, and their frames and transcript are indexed', async ({
  page,
  library,
  bri,
}) => {
  test.setTimeout(360_000);
  await library.open({ autoAnalyse: false });
  for (const { name, what, build } of FIELD_FILES) {
    await test.step(`${name}: ${what}`, async () => {
      const { id, ffprobeDuration: truth } = await importBuiltFile(library, name, build());
      const video = (await bri.listVideos()).find((v) => v.id === id);
      // A stream cut mid-broadcast starts with a partial audio packet group: ffprobe counts its
      // 0.16 s, mediabunny (whose timestamps the frames and audio use) starts after it.
      const slack = name === 'mid-broadcast.ts' ? 0.2 : 0.1;
      expect(Math.abs((video?.duration ?? 0) - truth), `duration of ${name}`).toBeLessThanOrEqual(
        slack,
      );
      const status = await library.analyse(id, ['frames', 'speech', 'transcript']);
      expect(status.stages.frames.state, status.stages.frames.detail ?? '').toBe('done');
      expect(status.stages.frames.stats.frames).toBeGreaterThan(0);
      expect(status.stages.transcript.state, status.stages.transcript.detail ?? '').toBe('done');
      expect(status.stages.transcript.stats.segments).toBeGreaterThan(0);
      if (name === 'two-languages.mp4') {
        expect(status.stages.speech.detail).toBe(
          "Listened to audio track 1 of 2 (eng), the file's default.",
        );
      }
      const shown = DISPLAY_SIZE[name];
      if (shown) {
        // The record, the poster and every stored frame have the picture's shape as shown.
        expect({ width: video?.width, height: video?.height }).toEqual(shown);
        const { frames } = await bri.getIndex(id);
        for (const frame of frames) {
          expect(frame.width / frame.height).toBeCloseTo(shown.width / shown.height, 1);
        }
      }
    });
  }

  await test.step('a picture the browser cannot play: the view says so and the rest works', async () => {
    const hevcPlays = await page.evaluate(
      async () =>
        (
          await VideoDecoder.isConfigSupported({
            codec: 'hvc1.1.6.L93.B0',
            codedWidth: 320,
            codedHeight: 180,
          })
        ).supported === true,
    );
    await on(library.card('iphone-hevc.mp4')).library.open.click();
    await expect(on(page).video.view).toBeVisible();
    const notice = on(page).player.unplayable;
    if (hevcPlays) await expect(notice).toHaveCount(0);
    else await expect(notice).toContainText('This browser can’t play this video’s picture (HEVC)');
  });
});

test('files that are not a playable video say what they are', async ({ library }) => {
  await library.open({ autoAnalyse: false });
  const files = [
    {
      name: 'holiday.mp4',
      bytes: readFileSync(mediaPath('photos/bus.jpg')),
      error: 'NotAVideoError',
      says: "“holiday.mp4” isn't a video BRI can open — it looks like an image (JPEG)",
    },
    {
      name: 'stream.m3u8',
      bytes: Buffer.from('#EXTM3U\n#EXT-X-VERSION:3\n#EXTINF:10.0,\nsegment0.ts\n#EXT-X-ENDLIST\n'),
      error: 'NotAVideoError',
      says: 'it looks like a playlist, not a video',
    },
    {
      name: 'rented.mp4',
      bytes: ffmpegFile(
        [
          ...['-f', 'lavfi', '-i', 'testsrc2=s=64x64:r=5', '-t', '1', '-c:v', 'libx264'],
          ...['-encryption_scheme', 'cenc-aes-ctr'],
          ...['-encryption_key', '76a6c65c5ea762046bd749a2e632ccbb'],
          ...['-encryption_kid', 'a7e61c373e219033c21091fa607bf3b8'],
        ],
        'mp4',
      ),
      error: 'EncryptedVideoError',
      says: '“rented.mp4” is an encrypted (DRM-protected) video',
    },
  ];
  for (const { name, bytes, error, says } of files) {
    await test.step(name, async () => {
      const path = test.info().outputPath(name);
      writeFileSync(path, bytes);
      await library.pick(path);
      const message = library.errors.last();
      await expect(message).toHaveAttribute('data-error', error);
      await expect(message).toContainText(says);
      await message.getByRole('button', { name: 'Dismiss' }).click();
    });
  }
  await expect(library.cards).toHaveCount(0);
});
