import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { mediaPath } from '../paths';
import { LibraryPage } from './support/library-page';

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

test('the real YOLOX-Nano finds the bus and tie scenes of the lecture, and nothing on the slides', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const library = new LibraryPage(page);
  await library.open();
  await library.pick(mediaPath('lecture-5min.mp4'));
  const id = await library.videoId('lecture-5min.mp4');
  const status = await library.waitForAnalysis(id);
  expect(status.stages.objects.state).toBe('done');
  const index = await page.evaluate((id) => window.bri.getIndex(id), id);

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

  await test.step('the card says what was found', async () => {
    await expect(library.card('lecture-5min.mp4')).toContainText(
      `${status.stages.objects.stats.labels} kinds of object in ${status.stages.objects.stats.ranges} stretches`,
    );
  });
});

test('a missing or corrupt detector gets a specific message; frames and speech still finish', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const library = new LibraryPage(page);
  await library.open();
  const cases = [
    { model: 'yolox-nano/missing.onnx', message: /“missing\.onnx” is missing at .*HTTP 404/ },
    { model: 'yolox-nano/SOURCE.md', message: /not a model onnxruntime can load.*corrupt/ },
  ];
  await library.pick(mediaPath('jfk_bus_zidane.mp4'));
  const id = await library.videoId('jfk_bus_zidane.mp4');
  await library.waitForAnalysis(id);
  for (const { model, message } of cases) {
    await test.step(model, async () => {
      await page.evaluate((detect) => window.bri.configure({ models: { detect } }), model);
      await page.evaluate((id) => window.bri.analyse(id), id);
      const status = await library.waitForAnalysis(id);
      expect(status.stages.frames.state).toBe('done');
      expect(status.stages.speech.state).toBe('done');
      expect(status.stages.objects.state).toBe('failed');
      expect(status.stages.objects.detail).toMatch(message);
      await expect(library.card('jfk_bus_zidane.mp4')).toContainText(message);
    });
  }
});
