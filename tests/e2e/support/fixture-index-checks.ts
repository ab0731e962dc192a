import { expect, test, type Page } from '@playwright/test';
import type { BriApi } from '../../../src/automation/bri-contract';

type Status = Awaited<ReturnType<BriApi['status']>>;
type Index = Awaited<ReturnType<BriApi['getIndex']>>;

/**
 * What the random-weight fixtures (Whisper, captioner, both embedders) must have stored through
 * the user's code path. Their words are garbage, so this checks structure — loading, chunking,
 * timestamps, storage, vector spaces — never the words.
 */
export async function checkFixtureModelIndex(
  page: Page,
  status: Status,
  index: Index,
  duration: number,
): Promise<void> {
  const { transcript, speechRegions, captions, frames, embeddings } = index;
  await test.step('segments are stored, ordered and inside the speech chunks', () => {
    expect(transcript.length).toBeGreaterThan(0);
    expect(status.stages.transcript.stats.segments).toBe(transcript.length);
    const first = speechRegions[0]?.start ?? 0;
    const last = speechRegions.at(-1)?.end ?? 0;
    // An English-only model: no detection, every segment is English.
    expect(new Set(transcript.map((s) => s.language))).toEqual(new Set(['en']));
    transcript.forEach((segment, i) => {
      expect(segment.start).toBeLessThanOrEqual(segment.end);
      expect(segment.start).toBeGreaterThanOrEqual(first - 0.001);
      expect(segment.end).toBeLessThanOrEqual(Math.min(last, duration) + 0.001);
      if (i > 0) expect(segment.start).toBeGreaterThanOrEqual(transcript[i - 1]?.start ?? 0);
      for (const word of segment.words) {
        expect(word.start).toBeLessThanOrEqual(word.end);
        expect(word.start).toBeGreaterThanOrEqual(segment.start - 0.001);
        expect(word.end).toBeLessThanOrEqual(segment.end + 0.001);
      }
    });
  });

  await test.step('every stored frame has one caption with a confidence in 0–1', () => {
    expect(status.stages.captions.state, status.stages.captions.detail ?? '').toBe('done');
    expect(captions.map((c) => c.t)).toEqual(frames.map((f) => f.t));
    for (const { caption, confidence } of captions) {
      expect(typeof caption).toBe('string');
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
    expect(status.stages.captions.stats.captions).toBe(captions.length);
  });

  await test.step('every text and every frame has a unit-length vector of its model', () => {
    expect(status.stages.embeddings.state, status.stages.embeddings.detail ?? '').toBe('done');
    const of = (source: string) => embeddings.filter((e) => e.source === source);
    const said = (texts: string[]) => texts.filter((text) => text.trim()).length;
    expect(of('transcript')).toHaveLength(said(transcript.map((s) => s.text)));
    expect(of('caption')).toHaveLength(said(captions.map((c) => c.caption)));
    expect(of('text')).toHaveLength(said(index.text.map((r) => r.text)));
    expect(of('frame').map((e) => e.start)).toEqual(frames.map((f) => f.t));
    for (const [source, model] of [
      ['transcript', 'test/all-MiniLM-L6-v2-random'],
      ['frame', 'test/clip-vit-base-patch16-random'],
    ] as const) {
      const rows = of(source);
      expect(new Set(rows.map((e) => e.model))).toEqual(new Set([model]));
      expect(new Set(rows.map((e) => e.dims)).size).toBe(1);
    }
    for (const e of embeddings) {
      expect(e.norm).toBeCloseTo(1, 1);
      expect(e.start).toBeLessThanOrEqual(e.end);
    }
  });

  await test.step('a query lands in the same space as the frames', async () => {
    const query = await page.evaluate(() => window.bri.embedQuery('a red bus', 'image'));
    const frameDims = embeddings.find((e) => e.source === 'frame')?.dims;
    expect(query.model).toBe('test/clip-vit-base-patch16-random');
    expect(query.vector).toHaveLength(frameDims ?? -1);
    expect(Math.hypot(...query.vector)).toBeCloseTo(1, 3);
  });
}
