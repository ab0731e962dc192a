// The first answer about the end of a video, asked the moment it is dropped: `npm run bench`'s
// first_answer_at_end_s. The span asked about is analysed ahead of the stages (span-first), so
// the figure is what a person waits for it, not for the whole index.

import { chooseFile } from './lib/choose-file.mjs';

/** The question: the last 30 s, which the stages reach last. */
export const END_QUESTION = 'What happens in the last 30 seconds?';

/**
 * Drops `file` on `page` (the app, configured), asks about its last 30 s at once and times the
 * answer from the drop; the analysis is cancelled after, so nothing runs on into later figures.
 */
export async function benchFirstAnswer(page, file) {
  const before = await page.evaluate(async () => (await window.bri.listVideos()).length);
  const dropped = await chooseFile(page, file);
  await page.waitForFunction(
    (count) => document.querySelectorAll('[data-testid="library.card"]').length === count,
    before + 1,
  );
  const id = await page.evaluate(async () => (await window.bri.listVideos())[0].id);
  const reply = await page.evaluate(([id, q]) => window.bri.ask(id, q), [id, END_QUESTION]);
  const seconds = (Date.now() - dropped) / 1000;
  await page.evaluate((id) => window.bri.cancelAnalysis(id), id);
  const round = (n) => Math.round(n * 100) / 100;
  const looked = reply.lookedFirst;
  return {
    first_answer_at_end_s: round(seconds),
    first_answer_span_s: looked ? round(looked.seconds) : null,
    first_answer_frames_stage_then: looked
      ? round(looked.stagesThen.find((s) => s.stage === 'frames')?.progress ?? 1)
      : null,
  };
}
