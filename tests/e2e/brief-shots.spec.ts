import { briOf, expect, test } from './fixtures';
import { iou } from './support/ranges';
import { writeFileSync } from 'node:fs';
import { SHOT_PHOTOS, SHOT_SECONDS, briefShots } from '../support/field-media';

test('2-second shots are found, and each object’s range covers its shot (IoU ≥ 0.5), never zero-length', async ({
  page,
  library,
}) => {
  await library.open({ autoAnalyse: false });
  const path = test.info().outputPath('fast-cuts.mp4');
  writeFileSync(path, briefShots());
  await library.pick(path);
  const id = await library.videoId('fast-cuts.mp4');
  const status = await library.analyse(id, ['frames', 'objects']);
  expect(status.stages.objects.state, status.stages.objects.detail ?? '').toBe('done');
  const index = await briOf(page).getIndex(id);

  await test.step('every cut is found: one scene per shot', () => {
    expect(index.scenes.map((s) => Math.round(s.start))).toEqual(
      SHOT_PHOTOS.map((_, i) => i * SHOT_SECONDS),
    );
  });

  await test.step('no range is zero-length', () => {
    for (const range of index.objects) expect(range.end, range.label).toBeGreaterThan(range.start);
  });

  for (const [i, { photo, label }] of SHOT_PHOTOS.entries()) {
    await test.step(`${photo}: its ${label} range matches its shot`, () => {
      const shot = { start: i * SHOT_SECONDS, end: (i + 1) * SHOT_SECONDS };
      const best = Math.max(
        0,
        ...index.objects.filter((r) => r.label === label).map((r) => iou(r, shot)),
      );
      console.info(`${photo} (${label}): best IoU ${best.toFixed(2)}`);
      expect(best).toBeGreaterThanOrEqual(0.5);
    });
  }
});
