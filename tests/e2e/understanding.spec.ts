import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { mediaPath } from '../paths';
import { FIXTURE_MODELS, LibraryPage } from './support/library-page';

interface Truth {
  scenes: { start: number; end: number; objects: string[]; text: string }[];
}

const truth = JSON.parse(readFileSync(mediaPath('lecture-5min.truth.json'), 'utf8')) as Truth;

interface Range {
  start: number;
  end: number;
}

const overlap = (a: Range, b: Range) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** OCR of small slide text often drops spaces: compare letters only. */
const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

test('lecture-5min.mp4 with the real models: YOLOX finds the bus and tie scenes, PaddleOCR reads the slides', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const library = new LibraryPage(page);
  await library.open();
  await library.pick(mediaPath('lecture-5min.mp4'));
  const id = await library.videoId('lecture-5min.mp4');

  await test.step('the video is chat-ready while the slow stages are still at work', async () => {
    await expect
      .poll(async () => (await page.evaluate((id) => window.bri.status(id), id)).chatReady, {
        intervals: [100],
      })
      .toBe(true);
    const { stages } = await page.evaluate((id) => window.bri.status(id), id);
    expect(['running', 'done']).toContain(stages.frames.state);
    const { frames } = await page.evaluate((id) => window.bri.getIndex(id), id);
    expect(frames.length).toBeGreaterThan(0);
    expect(stages.captions.state).not.toBe('done');
    expect(stages.embeddings.state).not.toBe('done');
  });

  await page.evaluate((id) => window.bri.whenIndexed(id), id);
  const status = await library.waitForAnalysis(id, 280_000);
  expect(status.stages.objects.state).toBe('done');
  expect(status.stages.text.state).toBe('done');
  const index = await page.evaluate((id) => window.bri.getIndex(id), id);

  await test.step('whenIndexed resolved with every stage done and the index 100 % complete', () => {
    for (const [stage, row] of Object.entries(status.stages)) {
      expect(row.state, `${stage}: ${row.detail ?? ''}`).toBe('done');
    }
    const report = status.completeness;
    expect(Object.keys(report).sort()).toEqual(
      ['captions', 'detections', 'embeddings', 'frames', 'onScreenText', 'transcript'].sort(),
    );
    for (const [name, item] of Object.entries(report)) {
      expect(item?.expected, name).toBeGreaterThan(0);
      expect(item?.stored, name).toBe(item?.expected);
      expect(item?.ratio, name).toBe(1);
    }
    expect(report.frames?.stored).toBe(index.frames.length);
  });

  for (const label of ['bus', 'tie']) {
    await test.step(`every "${label}" scene has a ${label} range inside it, and no other scene does`, () => {
      const ranges = index.objects.filter((r) => r.label === label);
      const scenes = truth.scenes.filter((s) => s.objects.includes(label));
      expect(scenes.length).toBeGreaterThan(0);
      for (const scene of scenes) {
        // The truth is per scene; the camera may pan away from a small object, so the range
        // must lie inside the scene and cover a real part of it, not all of it.
        const best = ranges.find((r) => overlap(r, scene) > 0);
        expect(best, `${label} in ${scene.start}–${scene.end}`).toBeDefined();
        if (!best) continue;
        expect(overlap(best, scene) / (best.end - best.start || 1)).toBeGreaterThanOrEqual(0.9);
        expect(overlap(best, scene) / (scene.end - scene.start)).toBeGreaterThanOrEqual(0.25);
        expect(best.maxScore).toBeGreaterThan(0.5);
      }
      for (const range of ranges) {
        expect(
          scenes.some((scene) => overlap(range, scene) > 0),
          `${label} at ${range.start}–${range.end}`,
        ).toBe(true);
      }
    });
  }

  await test.step('text slides hold nothing but one-frame noise', () => {
    for (const slide of truth.scenes.filter((s) => s.objects.length === 0)) {
      const inside = index.objects.filter((r) => overlap(r, slide) > 2.1);
      expect(
        inside.filter((r) => r.count > 1),
        `${slide.start}–${slide.end}`,
      ).toEqual([]);
    }
  });

  await test.step('per-frame boxes lie inside their frames, with lineage', () => {
    const frames = new Map(index.frames.map((f) => [f.t, f]));
    expect(index.detections).toHaveLength(index.frames.length);
    for (const { t, objects } of index.detections) {
      const frame = frames.get(t);
      expect(frame, `frame ${t}`).toBeDefined();
      for (const { box, score } of objects) {
        expect(score).toBeGreaterThanOrEqual(0.3);
        expect(score).toBeLessThanOrEqual(1);
        expect(box[0]).toBeLessThan(box[2]);
        expect(box[1]).toBeLessThan(box[3]);
        expect(box[2]).toBeLessThanOrEqual(frame?.width ?? 0);
        expect(box[3]).toBeLessThanOrEqual(frame?.height ?? 0);
      }
    }
  });

  await test.step('every frame of a text slide passes the text-like check', () => {
    for (const slide of truth.scenes.filter((s) => s.text)) {
      const frames = index.onScreenText.filter((f) => f.t >= slide.start + 0.5 && f.t < slide.end);
      expect(frames.length, `${slide.start}–${slide.end}`).toBeGreaterThan(0);
      expect(
        frames.filter((f) => !f.textLike).map((f) => f.t),
        `${slide.start}–${slide.end}`,
      ).toEqual([]);
    }
    expect(status.stages.text.stats.textLikeFrames).toBe(
      index.onScreenText.filter((f) => f.textLike).length,
    );
  });

  for (const [phrase, start, end] of [
    ['Chapter one', 60, 80],
    ['Summary', 180, 210],
  ] as const) {
    await test.step(`"${phrase}" is read on its slide and nowhere else`, () => {
      const ranges = index.text.filter((r) => squash(r.text).includes(squash(phrase)));
      expect(ranges.length, phrase).toBeGreaterThan(0);
      for (const range of ranges) {
        expect(range.start).toBeGreaterThanOrEqual(start);
        expect(range.end).toBeLessThanOrEqual(end);
        expect(range.maxScore).toBeGreaterThan(0.8);
      }
      // Read on (nearly) every stored frame of the slide, not once by luck.
      const slideFrames = index.frames.filter((f) => f.t >= start && f.t < end);
      const seen = index.onScreenText.filter(
        (f) =>
          f.t >= start && f.t < end && f.lines.some((l) => squash(l.text).includes(squash(phrase))),
      );
      expect(seen.length).toBeGreaterThanOrEqual(slideFrames.length - 1);
    });
  }

  await test.step('lines have boxes inside their frames and scores in 0–1', () => {
    const sizes = new Map(index.frames.map((f) => [f.t, f]));
    for (const { t, lines } of index.onScreenText) {
      const frame = sizes.get(t);
      for (const { box, score } of lines) {
        expect(score).toBeGreaterThanOrEqual(0.5);
        expect(score).toBeLessThanOrEqual(1);
        expect(box[0]).toBeGreaterThanOrEqual(0);
        expect(box[2]).toBeLessThanOrEqual((frame?.width ?? 0) + 0.01);
        expect(box[3]).toBeLessThanOrEqual((frame?.height ?? 0) + 0.01);
      }
    }
  });
  await test.step('the card says what was found', async () => {
    const card = library.card('lecture-5min.mp4');
    const { objects, text } = status.stages;
    await expect(card).toContainText(
      `${objects.stats.labels} kinds of object in ${objects.stats.ranges} stretches`,
    );
    await expect(card).toContainText(
      `${text.stats.lines} lines of on-screen text in ${text.stats.framesWithText} frames`,
    );
  });
});

test('a missing or corrupt detector gets a specific message; the other stages still finish', async ({
  page,
}) => {
  // The media stages and the detector with its model missing (text, which follows objects, must
  // still run), then the detector alone with a corrupt model. That the rest of the pipeline, the
  // search index included, finishes around failed model stages is fixture-models.spec's part.
  test.setTimeout(300_000);
  const library = new LibraryPage(page);
  await library.open({ autoAnalyse: false });
  const cases = [
    {
      model: 'yolox-nano/missing.onnx',
      message: /“missing\.onnx” is missing at .*HTTP 404/,
      stages: ['frames', 'speech', 'objects', 'text'] as const,
    },
    {
      model: 'yolox-nano/SOURCE.md',
      message: /not a model onnxruntime can load.*corrupt/,
      stages: ['objects'] as const,
    },
  ];
  await library.pick(mediaPath('jfk_bus_zidane.mp4'));
  const id = await library.videoId('jfk_bus_zidane.mp4');
  for (const { model, message, stages } of cases) {
    await test.step(model, async () => {
      await page.evaluate(
        ([detect, models]) => window.bri.configure({ models: { ...models, detect } }),
        [model, FIXTURE_MODELS] as const,
      );
      const status = await library.analyse(id, [...stages]);
      for (const stage of ['frames', 'speech', 'text'] as const)
        expect(status.stages[stage].state, stage).toBe('done');
      expect(status.stages.objects.state).toBe('failed');
      expect(status.stages.objects.detail).toMatch(message);
      await expect(library.card('jfk_bus_zidane.mp4')).toContainText(message);
    });
  }
});
