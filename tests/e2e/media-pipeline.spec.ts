import { addVideo, briOf, expect, test } from './fixtures';
import { on } from './support/parts';
import { frameInfo, startAnalysis } from './support/bri-in-page';
import { readFileSync } from 'node:fs';
import { ffprobeJson } from '../ffprobe';
import { mediaPath } from '../paths';
import type { StageName } from '../../src/automation/bri-contract';

interface Truth {
  scenes: { start: number; end: number; speech: string }[];
}

const truth = JSON.parse(readFileSync(mediaPath('lecture-5min.truth.json'), 'utf8')) as Truth;

/** Presentation times of every decoded video frame, from the system's ffprobe. */
function decodedFrameTimes(path: string): number[] {
  const probe = ffprobeJson<{ frames: { best_effort_timestamp_time: string }[] }>(path, [
    '-select_streams',
    'v:0',
    '-show_entries',
    'frame=best_effort_timestamp_time',
  ]);
  return probe.frames.map((f) => Number(f.best_effort_timestamp_time));
}

/** The two media stages this file is about (the model stages have their own specs). */
const MEDIA_STAGES: StageName[] = ['frames', 'speech'];

test('lecture-5min.mp4: scene cuts, frames at decoded times, speech over the narration', async ({
  page,
  library,
}) => {
  test.setTimeout(240_000);
  await library.open({ autoAnalyse: false });
  const id = await addVideo(library, 'lecture-5min.mp4');
  const status = await library.analyse(id, MEDIA_STAGES);
  expect(status.stages.frames.state).toBe('done');
  expect(status.stages.speech.state).toBe('done');
  const index = await briOf(page).getIndex(id);

  await test.step('each of the 7 cuts is found within ±0.5 s, and nothing else', () => {
    const cuts = index.scenes.slice(1).map((s) => s.start);
    const expected = truth.scenes.slice(1).map((s) => s.start);
    expect(cuts).toHaveLength(expected.length);
    cuts.forEach((cut, i) => expect(Math.abs(cut - (expected[i] ?? 0))).toBeLessThanOrEqual(0.5));
  });

  const decoded = decodedFrameTimes(mediaPath('lecture-5min.mp4'));

  await test.step('every scene has at least one frame, and no picture goes unsampled for over 2 s', () => {
    for (const scene of index.scenes) {
      expect(
        index.frames.filter((f) => f.sceneIndex === scene.index).length,
        `scene ${scene.index}`,
      ).toBeGreaterThan(0);
    }
    const times = index.frames.map((f) => f.t);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    // Slides are held as one long frame (variable frame rate): a longer gap is fine only when
    // no new picture was decoded in it (0.3 s slack: the 0.25 s analysis step).
    times.slice(1).forEach((t, i) => {
      const previous = times[i] ?? 0;
      const unsampled = decoded.filter((d) => d > previous + 2.05 && d < t - 0.3);
      expect(unsampled, `gap ${previous}–${t}`).toEqual([]);
    });
    expect(index.frames[0]?.lineage).toMatchObject({ tool: 'webcodecs+mediabunny', device: 'cpu' });
  });

  await test.step('stored frame times are real decoded presentation times', () => {
    for (const frame of index.frames) {
      const nearest = Math.min(...decoded.map((t) => Math.abs(t - frame.t)));
      expect(nearest, `frame at ${frame.t}`).toBeLessThan(0.001);
    }
  });

  await test.step('speech regions cover the narration at the start of each scene', () => {
    for (const scene of truth.scenes) {
      const covering = index.speechRegions.filter(
        (r) => r.start < scene.start + 2 && r.end > scene.start + 1,
      );
      expect(covering.length, `narration at ${scene.start} s`).toBeGreaterThan(0);
    }
    const regions = index.speechRegions;
    regions.forEach((r) => expect(r.end).toBeGreaterThan(r.start));
    regions
      .slice(1)
      .forEach((r, i) => expect(r.start).toBeGreaterThanOrEqual(regions[i]?.end ?? 0));
  });

  await test.step('the card shows what was found', async () => {
    const card = on(library.card('lecture-5min.mp4')).video.status;
    await expect(card).toContainText(`8 scenes · ${index.frames.length} frames`);
    await expect(card).toContainText(`in ${index.speechRegions.length} parts`);
  });

  await test.step('frameAt returns the full-resolution frame at that time', async () => {
    const frame = await frameInfo(page, id, 100);
    expect(frame).toMatchObject({ width: 1280, height: 720, type: 'image/webp' });
    expect(Math.abs(frame.t - 100)).toBeLessThan(0.2);
    expect(frame.size).toBeGreaterThan(1000);
  });
});

test('the AVI goes through ffmpeg.wasm and finds the same cut as the MP4', async ({
  page,
  library,
}) => {
  await library.open({ autoAnalyse: false });
  const cutOf = async (name: string) => {
    await library.pick(mediaPath(name));
    const id = await library.videoId(name);
    await library.analyse(id, MEDIA_STAGES);
    return briOf(page).getIndex(id);
  };
  const mp4 = await cutOf('jfk_bus_zidane.mp4');
  const avi = await cutOf('jfk_bus_zidane.avi');
  // ffprobe's scene filter puts the photo change at 5.52 s in both files.
  for (const index of [mp4, avi]) {
    expect(index.scenes).toHaveLength(2);
    expect(Math.abs((index.scenes[1]?.start ?? 0) - 5.52)).toBeLessThanOrEqual(0.5);
    expect(index.speechRegions.length).toBeGreaterThan(0);
  }
  expect(Math.abs((mp4.scenes[1]?.start ?? 0) - (avi.scenes[1]?.start ?? 0))).toBeLessThanOrEqual(
    0.5,
  );
  expect(avi.frames[0]?.lineage).toMatchObject({ tool: 'ffmpeg.wasm', device: 'wasm' });
});

test('a video without audio gets frames and a clear "no audio track" status', async ({
  library,
}) => {
  await library.open({ autoAnalyse: false });
  await library.pick(mediaPath('no-audio.mp4'));
  const status = await library.analyse(await library.videoId('no-audio.mp4'), MEDIA_STAGES);
  expect(status.stages.frames.state).toBe('done');
  expect(status.stages.speech).toMatchObject({
    state: 'skipped',
    detail: 'This video has no audio track.',
  });
  await expect(on(library.card('no-audio.mp4')).video.status).toContainText(
    'This video has no audio track.',
  );
});

test('cancelling mid-run leaves nothing partial, and a re-run completes with the same counts', async ({
  page,
  library,
}) => {
  test.setTimeout(300_000);
  await library.open({ autoAnalyse: false });
  const id = await addVideo(library, 'lecture-5min.mp4');
  const status = on(library.card('lecture-5min.mp4')).video.status;
  await startAnalysis(page, id, ['frames', 'speech']);

  await expect(status).toContainText(/Looking at the frames… [1-9]\d? %/);
  await status.getByRole('button', { name: 'Cancel analysis' }).click();
  const cancelled = await library.waitForAnalysis(id);
  expect(cancelled.stages.frames.state).toBe('cancelled');
  const afterCancel = await briOf(page).getIndex(id);
  expect(Object.keys(afterCancel)).toContain('frames');
  for (const [table, rows] of Object.entries(afterCancel)) expect(rows, table).toEqual([]);

  // “Analyse again” re-runs the cancelled stages (and those built on them); the media ones are
  // what this test is about.
  await status.getByRole('button', { name: 'Analyse again' }).click();
  await expect
    .poll(async () => (await briOf(page).status(id)).stages.frames.state)
    .not.toBe('cancelled');
  await briOf(page).whenIndexed(id, { stages: ['frames', 'speech'] });
  const done = await briOf(page).status(id);
  expect(done.stages.frames.state).toBe('done');
  const index = await briOf(page).getIndex(id);
  const times = index.frames.map((f) => f.t);
  expect(new Set(times).size).toBe(times.length);
  expect(index.frames).toHaveLength(done.stages.frames.stats.frames ?? -1);
  expect(index.scenes).toHaveLength(8);
});
