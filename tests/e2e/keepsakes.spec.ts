import type { ExportFormat } from '../../src/shared/export-formats';
import type { Page } from '@playwright/test';
import { briOf, expect, test, testHooksOf } from './fixtures';
import { on } from './support/parts';
import { exportText, refusalOf } from './support/bri-in-page';
import { mediaPath } from '../paths';
import { FakeGroq, type ChatRequest } from '../support/fake-groq';
import { TOOL_DATA_NOTICE } from '../../src/agent/untrusted-content';
import { LibraryPage } from './support/library-page';
import { parseVttChapters, slidesOf } from './support/keepsake-files';
import { parseSrt } from './support/parse-srt';
import { ChatPage } from './support/chat-page';
import { askedCues, translatorReply } from '../support/fake-translator';
import { readFile } from 'node:fs/promises';
import { readClip } from './support/clip-check';

/** The lecture's four text slides and when each is on screen (lecture-5min.truth.json). */
const SLIDES = [
  { words: 'city tour', start: 0, end: 20 },
  { words: 'public transport', start: 60, end: 80 },
  { words: 'sports', start: 120, end: 140 },
  { words: 'buses and ties', start: 180, end: 210 },
];

/** OCR drops spaces ("Welcome tothecitytour"): text is compared by its letters alone. */
const letters = (text: string | undefined) => (text ?? '').toLowerCase().replace(/[^a-z]/g, '');

// One indexing of the lecture (frames, real OCR, speech) serves every step: it is the slow part.
test.describe.configure({ mode: 'serial' });

const fake = new FakeGroq();
let groqUrl = '';
let page: Page;
let lecture = '';

function lectureAs(format: ExportFormat): Promise<string> {
  return exportText(page, lecture, format);
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  groqUrl = await fake.start();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  const library = new LibraryPage(page);
  await library.open({ autoAnalyse: false });
  await library.pick(mediaPath('lecture-5min.mp4'));
  lecture = await library.videoId('lecture-5min.mp4');
  const status = await library.analyse(lecture, ['frames', 'text', 'speech', 'transcript']);
  expect(status.stages.text.state).toBe('done');
  expect(status.stages.transcript.state).toBe('done');
  await on(library.card('lecture-5min.mp4')).library.open.click();
  await expect(on(page).video.view).toBeVisible();
});

test.afterAll(async () => {
  await page.context().close();
  await fake.stop();
});

test('chapters: made without a key from the slides, listed under the player and on the timeline (a chapter block saves as a clip), a click seeks; exported as WebVTT and a 0:00 list; with Groq from one checked call', async () => {
  test.setTimeout(180_000);
  const chapters = on(page).chapters.chapter;

  await test.step('without a key: one chapter per slide, titled by it, in order from 0:00', async () => {
    await on(page).chapters.make.click();
    await expect(chapters).toHaveCount(4);
    await expect(on(page).chapters.note).toHaveText('Made from the scenes and slides.');
    const titles = await chapters.allTextContents();
    SLIDES.forEach((slide, i) => expect(letters(titles[i])).toContain(letters(slide.words)));
    expect(titles.map((t) => t.split(' ')[0])).toEqual(['0:00', '1:00', '2:00', '3:00']);
    const lane = on(page).timeline.blocksIn('chapters');
    await expect(lane).toHaveCount(4);
  });

  await test.step('a chapter picked on the timeline saves as a clip of it, with the context asked for', async () => {
    await on(page).timeline.blocksIn('chapters').nth(1).click();
    await expect(on(page).timeline.selected).toContainText('1:00–2:00');
    await on(page).clip.context.fill('1');
    const download = page.waitForEvent('download');
    await on(page).timeline.saveClip.click();
    const file = await download;
    const clip = await readClip(new Uint8Array(await readFile(await file.path())));
    // 60–120 s with 1 s either side.
    expect(Math.abs(clip.duration - 62)).toBeLessThanOrEqual(0.5);
    await expect(on(page).clip.status).toContainText('Saved');
  });

  await test.step('clicking a chapter seeks the player to its start', async () => {
    await chapters.nth(2).click();
    await expect
      .poll(() => on(page).player.video.evaluate((v: HTMLVideoElement) => v.currentTime))
      .toBeCloseTo(120, 0);
    await expect(chapters.nth(2)).toHaveAttribute('aria-current', 'true');
  });

  await test.step('the WebVTT chapters track parses (here and in Chromium) and the list pastes', async () => {
    const vtt = await lectureAs('chapters');
    const cues = parseVttChapters(vtt);
    expect(cues.map((c) => Math.round(c.start))).toEqual([0, 60, 120, 180]);
    expect(cues.at(-1)?.end).toBeCloseTo(300, 0);
    // Chromium's own WebVTT parser reads the same cues from a chapters <track> (in a page of
    // its own: the app's Content-Security-Policy rightly lets no track load from a blob).
    const blank = await page.context().newPage();
    const parsed = await blank.evaluate(async (text) => {
      const video = document.createElement('video');
      const track = document.createElement('track');
      track.kind = 'chapters';
      track.src = URL.createObjectURL(new Blob([text], { type: 'text/vtt' }));
      video.append(track);
      document.body.append(video);
      track.track.mode = 'hidden';
      await new Promise((resolve, reject) => {
        track.addEventListener('load', resolve);
        track.addEventListener('error', () => reject(new Error('the track did not parse')));
      });
      const read = Array.from(track.track.cues ?? [], (cue) => ({
        start: cue.startTime,
        title: (cue as VTTCue).text,
      }));
      video.remove();
      return read;
    }, vtt);
    await blank.close();
    expect(parsed).toEqual(cues.map(({ start, title }) => ({ start, title })));
    const list = await lectureAs('chapter-list');
    expect(
      list
        .trim()
        .split('\n')
        .map((l) => l.split(' ')[0]),
    ).toEqual(['0:00', '1:00', '2:00', '3:00']);
    expect(await lectureAs('md')).toContain(`- [01:00] ${cues[1]?.title}`);
  });

  await test.step('with a Groq key: one call over the index; starts it did not get from the index are left out', async () => {
    await briOf(page).configure({ groqApiKey: fake.apiKey, groqBaseUrl: groqUrl });
    const before = fake.requests.length;
    let sent: { scenes: { start: number }[]; on_screen_text: unknown[]; transcript: unknown[] } = {
      scenes: [],
      on_screen_text: [],
      transcript: [],
    };
    fake.script((request: ChatRequest) => {
      const user = request.messages.find((m) => m.role === 'user')?.content ?? '';
      sent = JSON.parse(user.slice(TOOL_DATA_NOTICE.length + 1));
      const starts = sent.scenes.map((s) => s.start).filter((_, i) => i % 2 === 0);
      return {
        text: JSON.stringify({
          chapters: [
            ...starts.map((start, i) => ({ start, title: `Part ${i + 1} of the tour` })),
            { start: 299.5 + 100, title: 'After the end' },
          ],
        }),
      };
    });
    const made = await briOf(page).makeChapters(lecture);
    expect(fake.requests.length - before).toBe(1);
    expect(sent.on_screen_text.length).toBeGreaterThan(0);
    expect(sent.transcript.length).toBeGreaterThan(0);
    expect(made.map((c) => c.title)).toEqual(made.map((_, i) => `Part ${i + 1} of the tour`));
    expect(made[0]?.start).toBe(0);
    for (const [i, c] of made.entries()) {
      expect(c.end).toBeGreaterThan(c.start);
      expect(c.end).toBeLessThanOrEqual(300.1);
      if (i > 0) expect(c.start).toBeGreaterThan(made[i - 1]?.start ?? 0);
    }
    // The list under the player follows the stored chapters.
    await expect(chapters).toHaveCount(made.length);
    await expect(chapters.first()).toContainText('Part 1 of the tour');
  });
});

test('slides: one page per slide and shot, the four text slides each found once with their OCR text, images inlined, opens with nothing else loaded', async () => {
  test.setTimeout(120_000);
  const html = await lectureAs('slides');
  const pages = slidesOf(html);
  const scenes = (await briOf(page).getIndex(lecture)).scenes;
  expect(pages.length).toBeLessThanOrEqual(scenes.length);
  for (const slide of SLIDES) {
    const showing = pages.filter((p) => letters(p.onScreen).includes(letters(slide.words)));
    expect(
      showing,
      `${slide.words} in ${JSON.stringify(pages.map((p) => p.onScreen))}`,
    ).toHaveLength(1);
    expect(showing[0]?.t).toBeGreaterThanOrEqual(slide.start);
    expect(showing[0]?.t).toBeLessThan(slide.end);
  }
  expect(pages.every((p) => p.image.startsWith('data:image/'))).toBe(true);
  // The bus footage is shown twice (20–60 s and 140–180 s): one page, which says so.
  const bus = pages.filter((p) => (p.t >= 20 && p.t < 60) || (p.t >= 140 && p.t < 180));
  expect(bus).toHaveLength(1);
  expect(bus[0]?.again).toEqual(['2:20']);
  // Opened on its own, as a person would open the file: every picture shows, nothing is fetched.
  const deck = await page.context().newPage();
  const requests: string[] = [];
  deck.on('request', (r) => requests.push(r.url()));
  await deck.setContent(html);
  const widths = await deck
    .locator('img')
    .evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth));
  expect(widths).toHaveLength(pages.length);
  expect(widths.every((w) => w >= 480)).toBe(true);
  expect(requests.filter((url) => !url.startsWith('data:'))).toEqual([]);
  // For a person to look at (not committed): the deck as it opens.
  await deck.screenshot({ path: test.info().outputPath('slides-deck.png'), fullPage: true });
  await deck.close();
});

test('translation: every line translated once in batches at its own times, a failure mid-way resumes without redoing a batch; the transcript tab shows it, exports it and the chat answers in it', async () => {
  test.setTimeout(180_000);
  await test.step('without a Groq key Translate says it needs one; the key added, it is offered', async () => {
    await briOf(page).configure({ groqApiKey: null });
    await on(page).video.tabTranscript.click();
    await on(page).transcript.translateInto.fill('French');
    await expect(on(page).transcript.translate).toBeDisabled();
    // …and looks it.
    expect(await on(page).transcript.translate.evaluate((el) => getComputedStyle(el).cursor)).toBe(
      'not-allowed',
    );
    await expect(on(page).transcript.needsKey).toHaveText(
      'Translating needs your Groq API key: add it in Settings → Chat.',
    );
    await expect(on(page).transcript.language).toHaveValue('');
    await briOf(page).configure({ groqApiKey: fake.apiKey, groqBaseUrl: groqUrl });
    await expect(on(page).transcript.translate).toBeEnabled();
    await expect(on(page).transcript.needsKey).toHaveCount(0);
    await on(page).transcript.translateInto.fill('');
    await on(page).video.tabChat.click();
  });
  await briOf(page).configure({ groqApiKey: fake.apiKey, groqBaseUrl: groqUrl });

  await test.step('a 10-minute transcript: batch 2 fails, translating again sends only batches 2–4', async () => {
    // An index generated straight into IndexedDB: 150 lines, where a real talk would take minutes to transcribe.
    const talk = await testHooksOf(page).benchmarkSeedIndex(10);
    const before = fake.requests.length;
    fake.script(translatorReply('IT'), { status: 400, message: 'Request too large' });
    const failed = await refusalOf(page).translate(talk, 'Italian');
    expect(failed?.message).toContain('Request too large');
    const firstBatch = askedCues(fake.requests[before]!).map((c) => c.text);
    fake.script(translatorReply('IT'), translatorReply('IT'), translatorReply('IT'));
    const resumedFrom = fake.requests.length;
    const result = await briOf(page).translate(talk, 'Italian');
    expect(result).toMatchObject({ language: 'Italian', batches: 3 });
    const resumed = fake.requests
      .slice(resumedFrom)
      .flatMap((r) => askedCues(r).map((c) => c.text));
    expect(resumed.filter((line) => firstBatch.includes(line))).toEqual([]);
    expect(firstBatch.length + resumed.length).toBe(result.total);
    const srt = async (language?: string) =>
      parseSrt(await exportText(page, talk, 'srt', language ? { language } : {}));
    const [original, italian] = [await srt(), await srt('Italian')];
    expect(italian).toHaveLength(original.length);
    expect(italian.map((c) => [c.start, c.end])).toEqual(original.map((c) => [c.start, c.end]));
    expect(italian.map((c) => c.text)).toEqual(original.map((c) => `IT ${c.text}`));
    // Translated again: nothing is sent.
    const sent = fake.requests.length;
    await briOf(page).translate(talk, 'italian');
    expect(fake.requests.length).toBe(sent);
  });

  await test.step('in the transcript tab: Translate, then the lines show in German, save as SRT, and the chat answers in German', async () => {
    await on(page).video.tabTranscript.click();
    const { transcript } = await briOf(page).getIndex(lecture);
    const lines = transcript.filter((s) => s.text.trim()).length;
    fake.script(...Array.from({ length: Math.ceil(lines / 40) }, () => translatorReply('DE')));
    await on(page).transcript.translateInto.fill('German');
    await on(page).transcript.translate.click();
    await expect(on(page).transcript.translationNote).toContainText('Translated into German');
    await expect(on(page).transcript.language).toHaveValue('German');
    const segments = on(page).transcript.segment;
    const count = await segments.count();
    expect(count).toBe(lines);
    await expect(segments.and(page.locator('[data-translated="true"]'))).toHaveCount(count);
    await expect(segments.first()).toContainText('DE ');

    await on(page).video.exports.locator('summary').click();
    const download = page.waitForEvent('download');
    await on(page).video.exportSrtTranslated.click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('lecture-5min.German.srt');
    const cues = parseSrt(await readFile(await file.path(), 'utf8'));
    expect(cues).toHaveLength(count);
    expect(cues.every((c) => c.text.startsWith('DE '))).toBe(true);

    await on(page).video.tabChat.click();
    fake.script({ text: 'Der Vortrag beginnt mit einer Stadtführung.' });
    await new ChatPage(page).ask('Worum geht es?');
    await expect(on(page).chat.message.last()).toContainText('Stadtführung');
    expect(fake.requests.at(-1)?.messages[0]?.content).toContain('translated into "German"');

    await on(page).video.tabTranscript.click();
    await on(page).transcript.language.selectOption('');
    await expect(segments.and(page.locator('[data-translated="true"]'))).toHaveCount(0);
  });
});
