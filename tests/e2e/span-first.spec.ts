import type { Page } from '@playwright/test';
import { briOf, expect, test } from './fixtures';
import { on } from './support/parts';
import { mediaPath } from '../paths';
import { FakeGroq } from '../support/fake-groq';
import { ChatPage, lastToolText } from './support/chat-page';
import { parseTimestamp } from '../../src/tools/moments';

/** A line of get_context_at's text for the model ("Visual: [04:26] a caption; …"). */
function line(text: string, name: string): string {
  return text.split('\n').find((l) => l.startsWith(`${name}: `)) ?? '';
}

/**
 * What IndexedDB holds of a span's rows: the times of frames sampled for it, how many detections
 * lie at `at` (a span's frame times), and the transcript chunks heard for it.
 */
function spanRows(page: Page, videoId: string, at: number[] = []) {
  return page.evaluate(
    async ([id, at]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('bri');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const all = <T>(table: string) =>
        new Promise<T[]>((resolve, reject) => {
          const request = db.transaction(table).objectStore(table).index('videoId').getAll(id);
          request.onsuccess = () => resolve(request.result as T[]);
          request.onerror = () => reject(request.error);
        });
      const frames = await all<{ t: number; reason: string }>('frames');
      const detections = await all<{ t: number }>('detections');
      const chunks = await all<{ lineage: { parameters: { span?: unknown } } }>('transcriptChunks');
      db.close();
      return {
        frames: frames.filter((f) => f.reason === 'span').map((f) => f.t),
        detectionsAt: detections.filter((d) => at.includes(d.t)).length,
        chunks: chunks.filter((c) => c.lineage.parameters.span !== undefined).length,
      };
    },
    [videoId, at] as const,
  );
}

test('seconds after the drop, a question about 4:30 is answered from 4:25–4:35 first, before the frames stage gets there', async ({
  page,
  library,
}) => {
  test.setTimeout(240_000);
  const fake = new FakeGroq();
  const groqUrl = await fake.start();
  const chat = new ChatPage(page);
  try {
    await library.open();
    await briOf(page).configure({ groqApiKey: fake.apiKey, groqBaseUrl: groqUrl });
    await library.pick(mediaPath('lecture-5min.mp4'));
    const id = await library.videoId('lecture-5min.mp4');
    await on(library.card('lecture-5min.mp4')).library.open.click();

    fake.script(
      { toolCalls: [{ name: 'get_context_at', arguments: { t: 270, window_s: 5 } }] },
      (request) => ({
        text: line(lastToolText(request), 'Objects').includes('person')
          ? 'At [04:30] I see a person.'
          : 'I can’t tell what is at [04:30] yet.',
      }),
    );
    await chat.ask('What is on screen at 4:30?');
    // Said while it works: the analysis is elsewhere, so BRI looks at the moment first.
    await expect(on(page).chat.pending).toContainText(
      "The analysis hasn't reached 04:25–04:35 yet: looking at it first…",
    );
    await expect(chat.messages).toHaveCount(1, { timeout: 120_000 });
    await expect(chat.messages.last()).toContainText('I see a person');

    await test.step('the answer came from the span’s own frames, objects, text and captions', async () => {
      const sent = lastToolText(fake.requests.at(-1)!);
      // Captions of the span's frames, each at its moment.
      const captioned = [...line(sent, 'Visual').matchAll(/\[\d{2}:\d{2}\]/g)].map(
        (m) => parseTimestamp(m[0]) ?? -1,
      );
      expect(captioned.length, sent).toBeGreaterThanOrEqual(3);
      // (Labels are whole seconds: a frame decoded at 264.96 s reads [04:24].)
      for (const t of captioned) expect(t >= 264 && t <= 275, `caption at ${t}`).toBe(true);
      // The truth: a person (with a tie) fills the last shot, 3:30–5:00.
      expect(line(sent, 'Objects')).toContain('person');
      expect(line(sent, 'Audio')).not.toBe('');
      await expect(on(chat.messages.last()).chat.citation).toHaveText('04:30');
      await expect(on(page).chat.stillProcessing).toBeVisible();
    });

    await test.step('logged at answer time: the frames stage had not reached 4:25', async () => {
      const { entries } = await briOf(page).diagnostics();
      const looked = entries.find((e) => e.message.startsWith('looked at 265.0–275.0 s first'));
      expect(looked, 'the span-first log line').toBeDefined();
      console.info(looked?.message, `${Math.round(looked?.durationMs ?? 0)} ms`); // for the note
      // What each stage did for the span, and each unfinished stage's progress (0–1) then.
      const data = (looked?.data ?? {}) as Record<string, number>;
      expect(data.frames).toBeGreaterThanOrEqual(3);
      expect(data.objects).toBeGreaterThanOrEqual(3);
      expect(data.captions).toBeGreaterThanOrEqual(3);
      expect(data.text).toBeGreaterThanOrEqual(3);
      expect(data.transcript).toBe(1);
      expect(data.framesProgress).toBeLessThan(265 / 300);
    });

    await test.step('the stages then make their own rows, and the span’s give way', async () => {
      const before = await spanRows(page, id);
      expect(before.frames.length).toBeGreaterThanOrEqual(3);
      expect((await spanRows(page, id, before.frames)).detectionsAt).toBe(before.frames.length);
      // The frames stage ends with its own frames only (what the models made of the span's
      // frames goes with them; a stage's transcript chunk replaces the span's: unit-tested).
      await expect
        .poll(async () => (await briOf(page).status(id)).stages.frames.state, {
          timeout: 60_000,
          intervals: [500],
        })
        .toBe('done');
      const after = await spanRows(page, id, before.frames);
      expect({ frames: after.frames, detectionsAt: after.detectionsAt }).toEqual({
        frames: [],
        detectionsAt: 0,
      });
      const status = await briOf(page).status(id);
      const index = await briOf(page).getIndex(id);
      expect(index.frames).toHaveLength(status.stages.frames.stats.frames ?? -1);
    });
  } finally {
    await fake.stop();
  }
});
