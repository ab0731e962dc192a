import { expect, test, type Page } from '@playwright/test';
import type { ToolOutcome } from '../../src/shared/tool-types';
import { mediaPath } from '../paths';
import { LibraryPage } from './support/library-page';

interface Range {
  start: number;
  end: number;
}

const overlap = (a: Range, b: Range) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const iou = (a: Range, b: Range) =>
  overlap(a, b) / (Math.max(a.end, b.end) - Math.min(a.start, b.start));

/** Calls a tool through `window.bri.tools`, as an agent or a power user would. */
async function tool<Result>(page: Page, name: string, args: unknown): Promise<Result> {
  const outcome: ToolOutcome = await page.evaluate(
    ([name, args]) => window.bri.tools.execute(name, args),
    [name, args] as const,
  );
  expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
  return (outcome as { result: Result }).result;
}

type ObjectRanges = { ranges: (Range & { video_id: string; label: string })[] };

test('the tools answer from lecture-5min.mp4 indexed with the real YOLOX and OCR models, across the library, and the same after a backup is restored in a fresh profile', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(300_000);
  const library = new LibraryPage(page);
  await library.open({ autoAnalyse: false });
  await library.pick(mediaPath('lecture-5min.mp4'));
  await library.pick(mediaPath('jfk_bus_zidane.mp4'));
  const lecture = await library.videoId('lecture-5min.mp4');
  const other = await library.videoId('jfk_bus_zidane.mp4');

  await test.step('index the frames, objects and on-screen text of both videos', async () => {
    const status = await library.analyse(lecture, ['frames', 'objects', 'text']);
    expect(status.stages.objects.state).toBe('done');
    expect(status.stages.text.state).toBe('done');
    expect((await library.analyse(other, ['frames', 'objects'])).stages.objects.state).toBe('done');
  });

  await test.step('tools.list describes the nine tools with JSON Schema arguments', async () => {
    const { tools } = await page.evaluate(() => window.bri.tools.list());
    expect(tools.map((t) => t.name)).toHaveLength(9);
    expect(tools.find((t) => t.name === 'find_object')?.inputSchema).toMatchObject({
      type: 'object',
      required: ['label'],
    });
  });

  const busScenes = [
    { start: 20, end: 60 },
    { start: 140, end: 180 },
  ];
  await test.step('find_object "bus": one range per bus scene (IoU ≥ 0.5), none elsewhere', async () => {
    const { ranges } = await tool<ObjectRanges>(page, 'find_object', {
      video_id: lecture,
      label: 'bus',
    });
    for (const scene of busScenes) {
      const best = Math.max(...ranges.map((r) => iou(r, scene)));
      expect(
        best,
        `${scene.start}–${scene.end} in ${JSON.stringify(ranges)}`,
      ).toBeGreaterThanOrEqual(0.5);
    }
    for (const range of ranges) {
      expect(
        busScenes.some((scene) => overlap(range, scene) > 0),
        JSON.stringify(range),
      ).toBe(true);
    }
  });

  await test.step('search_on_screen_text "public transport" finds the 60–80 s slide', async () => {
    const { matches } = await tool<{ matches: (Range & { texts: string[] })[] }>(
      page,
      'search_on_screen_text',
      { video_id: lecture, query: 'public transport' },
    );
    expect(matches.length, JSON.stringify(matches)).toBeGreaterThan(0);
    const [best] = matches;
    expect(iou(best!, { start: 60, end: 80 }), JSON.stringify(best)).toBeGreaterThanOrEqual(0.5);
    for (const match of matches) expect(overlap(match, { start: 60, end: 80 })).toBeGreaterThan(0);
  });

  await test.step('get_context_at 100 s sees a person and a tie', async () => {
    const context = await tool<{ objects: { label: string }[]; nearest_frame: { t: number } }>(
      page,
      'get_context_at',
      { video_id: lecture, t: 100 },
    );
    expect(context.objects.map((o) => o.label)).toEqual(expect.arrayContaining(['person', 'tie']));
    expect(Math.abs(context.nearest_frame.t - 100)).toBeLessThan(5);
  });

  await test.step('without video_id, find_object searches both videos and labels each range', async () => {
    const everywhere = await tool<ObjectRanges>(page, 'find_object', { label: 'bus' });
    for (const id of [lecture, other]) {
      const own = await tool<ObjectRanges>(page, 'find_object', { video_id: id, label: 'bus' });
      expect(own.ranges.length, id).toBeGreaterThan(0);
      expect(everywhere.ranges.filter((r) => r.video_id === id)).toEqual(own.ranges);
    }
    expect(everywhere.ranges.every((r) => [lecture, other].includes(r.video_id))).toBe(true);
  });

  await test.step('get_frame gives a thumbnail the page can show', async () => {
    const frame = await tool<{ thumbnail_url: string; t: number; width: number }>(
      page,
      'get_frame',
      { video_id: lecture, t: 30 },
    );
    const image = await page.evaluate(async (url) => {
      const bitmap = await createImageBitmap(await (await fetch(url)).blob());
      return { width: bitmap.width, height: bitmap.height };
    }, frame.thumbnail_url);
    expect(image.width).toBe(frame.width);
  });

  await test.step('look_again at 100 s decodes full-resolution frames and sees the tie afresh', async () => {
    const look = await tool<{
      frames: { width: number; objects: { label: string }[]; caption: string | null }[];
      answer: { objects_seen: string[] };
    }>(page, 'look_again', { video_id: lecture, t: 100, question: 'Is he wearing a tie?' });
    expect(look.frames).toHaveLength(3);
    const video = await page.evaluate((id) => window.bri.getVideo(id), lecture);
    for (const frame of look.frames) expect(frame.width).toBe(video?.width);
    expect(look.answer.objects_seen).toEqual(['tie']);
  });

  await test.step('a backup restored into a fresh profile answers every tool call the same', async () => {
    const calls: [string, object][] = [
      ['find_object', { label: 'bus' }],
      ['find_object', { video_id: lecture, label: 'person' }],
      ['search_on_screen_text', { query: 'public transport' }],
      ['get_context_at', { video_id: lecture, t: 100 }],
      ['get_video_overview', {}],
    ];
    const answers = (on: Page) =>
      Promise.all(calls.map(([name, args]) => tool<unknown>(on, name, args)));
    const before = await answers(page);
    const download = page.waitForEvent('download');
    await page.getByTestId('library.backup').click();
    const backupPath = testInfo.outputPath('library.bri');
    await (await download).saveAs(backupPath);

    const fresh = await browser.newContext();
    try {
      const restoredPage = await fresh.newPage();
      const restored = new LibraryPage(restoredPage);
      await restored.open({ autoAnalyse: false });
      await restored.pick(backupPath);
      await expect(restoredPage.getByTestId('library.card')).toHaveCount(2);
      expect(await answers(restoredPage)).toEqual(before);
      const frame = await tool<{ t: number }>(restoredPage, 'get_frame', {
        video_id: lecture,
        t: 30,
      });
      expect(frame.t).toBeGreaterThan(25);
      await restored.pick(backupPath);
      await expect(restoredPage.getByTestId('library.error')).toContainText(
        'Nothing was restored from the backup: “jfk_bus_zidane.mp4” is already in your library. “lecture-5min.mp4” is already in your library.',
      );
    } finally {
      await fresh.close();
    }
  });

  await test.step('a bad call comes back as a structured error', async () => {
    const outcome = await page.evaluate(() =>
      window.bri.tools.execute('get_context_at', { t: 10 }),
    );
    expect(outcome).toEqual({
      ok: false,
      tool: 'get_context_at',
      error: {
        code: 'invalid_arguments',
        message: 'Several videos are in the library: say which one with video_id.',
      },
    });
  });
});
