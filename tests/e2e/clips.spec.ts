import { expect, test } from './fixtures';
import { highlightsOf, refusalOf } from './support/bri-in-page';
import { mediaPath } from '../paths';
import {
  clipFromPage,
  frameDifference,
  keyFrameTimes,
  readClip,
  tempFile,
} from './support/clip-check';

const LECTURE = mediaPath('lecture-5min.mp4');

test('clips: cut between key frames plays from the asked time, highlights join in order, a WebM stays WebM, AVI says why not', async ({
  library,
  bri,
  page,
}) => {
  test.setTimeout(180_000);
  await library.open({ autoAnalyse: false });
  await library.fileInput.setInputFiles(LECTURE);
  await library.waitForImports();
  const [lecture] = await bri.listVideos();
  const id = lecture?.id ?? '';

  await test.step('a clip cut off a key frame copies packets and lasts what was asked', async () => {
    // 18 s falls between the key frames at 16.7 s and 20.0 s.
    const bytes = await clipFromPage(page, 'exportClip', [id, 18, 24]);
    const clip = await readClip(bytes);
    expect(clip.mimeType).toContain('video/mp4');
    expect(clip.videoCodec).toBe('avc');
    expect(clip.audioCodec).toBe('aac');
    expect(Math.abs(clip.duration - 6)).toBeLessThanOrEqual(0.5);
    const path = tempFile(bytes, 'lecture-18-24.mp4');
    // Its frames are the lecture's at the same moment, not a neighbouring shot's.
    expect(frameDifference(path, 3, LECTURE, 21)).toBeLessThan(12);
    expect(frameDifference(path, 3, LECTURE, 70)).toBeGreaterThan(
      frameDifference(path, 3, LECTURE, 21) + 10,
    );
  });

  await test.step('highlights join the ranges in order; the duration is the sum of the parts', async () => {
    const ranges = [
      { start: 138, end: 144 },
      { start: 18, end: 24 },
    ];
    const result = await highlightsOf(page, id, ranges);
    const keys = keyFrameTimes(LECTURE);
    expect(result.parts.map((p) => p.asked.start)).toEqual([18, 138]);
    for (const part of result.parts) {
      // Each part starts at the source's key frame at or before the asked start.
      const key = Math.max(...keys.filter((k) => k <= part.asked.start + 0.001));
      expect(part.start).toBeCloseTo(key, 1);
      expect(part.end).toBeGreaterThanOrEqual(part.asked.end - 0.05);
    }
    const sum = result.parts.reduce((s, p) => s + p.end - p.start, 0);
    const clip = await readClip(Uint8Array.from(result.bytes));
    expect(Math.abs(clip.duration - sum)).toBeLessThanOrEqual(1);
    const path = tempFile(Uint8Array.from(result.bytes), 'highlights.mp4');
    const first = result.parts[0];
    const second = result.parts[1];
    if (!first || !second) throw new Error('two parts expected');
    const into = first.end - first.start + 1;
    expect(frameDifference(path, into, LECTURE, second.start + 1)).toBeLessThan(12);
  });

  await test.step('a WebM clip stays WebM and lasts what was asked', async () => {
    await library.fileInput.setInputFiles(mediaPath('jfk_bus_zidane.webm'));
    await library.waitForImports();
    const webm = (await bri.listVideos()).find((v) => v.name.endsWith('.webm'));
    const bytes = await clipFromPage(page, 'exportClip', [webm?.id, 1.3, 2.9]);
    const clip = await readClip(bytes);
    expect(clip.mimeType).toContain('video/webm');
    expect(Math.abs(clip.duration - 1.6)).toBeLessThanOrEqual(0.5);
  });

  await test.step('AVI and a range outside the video are refused in words', async () => {
    await library.fileInput.setInputFiles(mediaPath('jfk_bus_zidane.avi'));
    await library.waitForImports();
    const avi = (await bri.listVideos()).find((v) => v.name.endsWith('.avi'));
    const refused = async (videoId: string | undefined, start: number, end: number) => {
      const refusal = await refusalOf(page).exportClip(videoId ?? '', start, end);
      return refusal ? `${refusal.name}: ${refusal.message}` : 'cut';
    };
    expect(await refused(avi?.id, 0, 1)).toMatch(/^ClipUnsupportedError: .*AVI.*MP4/);
    expect(await refused(id, 290, 400)).toBe('cut'); // The end is clamped to the video's.
    expect(await refused(id, 400, 410)).toMatch(/^ClipRangeError: .*outside the video/);
  });
});
