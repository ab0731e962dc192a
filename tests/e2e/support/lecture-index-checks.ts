import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { BriApi } from '../../../src/automation/bri-contract';
import { mediaPath } from '../../paths';

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

/** Where a phrase is looked for in what OCR read: letters only, whatever the punctuation. */
const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

type Status = Awaited<ReturnType<BriApi['status']>>;
type Index = Awaited<ReturnType<BriApi['getIndex']>>;

/**
 * What lecture-5min.mp4's full index must hold against its ground truth (real YOLOX and
 * PaddleOCR): every stage done and 100 % complete, bus and tie ranges inside their scenes, the
 * slides read where they are, boxes inside frames.
 */
export async function checkLectureIndex(status: Status, index: Index): Promise<void> {
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

  await test.step('each slide reads as written, its spaces kept (read at the video’s resolution)', () => {
    const read = new Set(index.text.map((r) => r.text));
    for (const slide of truth.scenes.filter((s) => s.text)) expect([...read]).toContain(slide.text);
  });

  for (const [phrase, start, end] of [
    ['Chapter one', 60, 80],
    ['Summary', 180, 210],
  ] as const) {
    await test.step(`"${phrase}" is read on its slide and nowhere else`, () => {
      const ranges = index.text.filter((r) => squash(r.text).includes(squash(phrase)));
      expect(ranges.length, phrase).toBeGreaterThan(0);
      // Ranges cover the slide's shot, up to the cut as detected: within one analysis step
      // (0.25 s) of the true cut, never into the next shot.
      for (const range of ranges) {
        expect(range.start).toBeGreaterThanOrEqual(start - 0.25);
        expect(range.end).toBeLessThanOrEqual(end + 0.25);
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
}
