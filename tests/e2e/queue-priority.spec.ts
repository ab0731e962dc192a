import { expect, test } from './fixtures';
import { mediaPath } from '../paths';

test('the video in focus is analysed next, ahead of videos queued before it', async ({
  page,
  library,
  bri,
}) => {
  await library.open({ autoAnalyse: false });
  const names = ['jfk_bus_zidane.mp4', 'jfk_bus_zidane.webm', 'no-audio.mp4'];
  for (const name of names) await library.pick(mediaPath(name));
  const ids = await Promise.all(names.map((name) => library.videoId(name)));
  const [first, second, focused] = ids;

  const finished = await page.evaluate(async (ids: string[]) => {
    const order: string[] = [];
    const runs = ids.map((id) =>
      window.bri.analyse(id, { stages: ['frames'] }).then(() => order.push(id)),
    );
    // The first is already running; the third is the one on screen now.
    window.bri.focusVideo(ids[2] ?? null);
    await Promise.all(runs);
    return order;
  }, ids);
  expect(finished).toEqual([first, focused, second]);
  for (const id of ids) {
    const { stages } = await bri.status(id);
    expect(stages.frames.state).toBe('done');
  }
});
