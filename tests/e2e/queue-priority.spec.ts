import { expect, test } from './fixtures';
import { framesFinishingOrder } from './support/bri-in-page';
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

  // The first is already running when the third becomes the one on screen.
  const finished = await framesFinishingOrder(page, ids, focused ?? '');
  expect(finished).toEqual([first, focused, second]);
  for (const id of ids) {
    const { stages } = await bri.status(id);
    expect(stages.frames.state).toBe('done');
  }
});
