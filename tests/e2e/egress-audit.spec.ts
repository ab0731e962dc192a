import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { briOf, expect, test, type BriHandle } from './fixtures';
import { on } from './support/parts';
import { mediaPath } from '../paths';
import { FakeGroq, type ScriptedReply } from '../support/fake-groq';
import { translatorReply } from '../support/fake-translator';
import { ChatPage } from './support/chat-page';
import { LibraryPage } from './support/library-page';
import { rowsMentioning } from './support/stored-state';
import { SHARED_KINDS, type SharedKind } from '../../src/shared/share-with-groq';

/**
 * The egress audit: a video whose every kind of content carries its own markers — the file name
 * and the on-screen text by construction (a drawn word the real OCR reads), the transcript,
 * captions and object names from what the analysis stored — and, with each kind switched off in
 * turn, every flow that talks to Groq. No marker of the withheld kind may appear in any byte the
 * fake Groq received, and the answers still cite their moments.
 */

const NAME = 'wombatfile-xq7.mp4';
const DRAWN = 'QUOKKA';

/** jfk_bus_zidane.mp4 with the marker word drawn over every frame, under a marker file name. */
function markedVideo(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'bri-egress-')), NAME);
  // Liberation: the fonts CI installs (.ci/run).
  const font = '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf';
  execFileSync('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-i', mediaPath('jfk_bus_zidane.mp4')],
    '-vf',
    `drawbox=x=0:y=ih-110:w=iw:h=110:color=white:t=fill,drawtext=fontfile=${font}:text=${DRAWN}:fontsize=72:fontcolor=black:x=(w-tw)/2:y=h-95`,
    ...['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'copy', path],
  ]);
  return path;
}

/** Words of a kind's stored text usable as markers: long enough, plainly written. */
const usable = (texts: string[]) =>
  [...new Set(texts.map((t) => t.trim()))].filter(
    (t) => t.length >= 6 && /^[\p{L}\p{N} ,.'-]+$/u.test(t),
  );

/** Asks through the chat, waits for the answer, and returns how many citations it has. */
async function askAndWait(chat: ChatPage, question: string): Promise<number> {
  await chat.ask(question);
  // The answer is found by its question (earlier turns may still be rendering after a reload).
  const turn = chat.page
    .getByRole('listitem')
    .filter({ has: chat.page.getByText(question, { exact: true }) })
    .last();
  const answer = on(turn).chat.message;
  await expect(answer).toBeVisible();
  await expect(on(chat.page).chat.pending).toHaveCount(0);
  return on(answer).chat.citation.count();
}

/** A reply that looks around 0:05, then answers citing it. */
const LOOK_AND_CITE: ScriptedReply[] = [
  { toolCalls: [{ name: 'get_context_at', arguments: { t: 5 } }] },
  { text: 'At [00:05] there is something worth seeing.' },
];

test.describe.configure({ mode: 'serial' });

const fake = new FakeGroq();
let groqUrl = '';
let page: Page;
let bri: BriHandle;
let id = '';
const markers = {} as Record<SharedKind, string[]>;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  groqUrl = await fake.start();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  bri = briOf(page);
  const library = new LibraryPage(page);
  await library.open({ autoAnalyse: false });
  await bri.configure({ groqApiKey: fake.apiKey, groqBaseUrl: groqUrl });
  await library.pick(markedVideo());
  id = await library.videoId(NAME);
  await on(library.card(NAME)).library.open.click();

  // Asked while the stages run, with every kind kept back: checked against every kind's markers
  // once the analysis has made them.
  let duringAnalysis: string[] = [];
  await test.step('during analysis, with every kind kept back: notes carry no file name', async () => {
    await bri.configure({ shareWithGroq: Object.fromEntries(SHARED_KINDS.map((k) => [k, false])) });
    const analysis = bri.analyse(id);
    await expect
      .poll(async () => (await bri.status(id)).stages.frames.state)
      .not.toBe('not-started');
    fake.script(
      {
        toolCalls: [
          { name: 'search_transcript', arguments: { query: 'country' } },
          { name: 'get_video_overview', arguments: {} },
        ],
      },
      { text: 'Still listening.' },
    );
    const from = fake.bodies.length;
    await askAndWait(new ChatPage(page), 'What is said about the country?');
    duringAnalysis = fake.bodies.slice(from);
    expect(duringAnalysis.join('\n')).toContain('still processing');
    expect(duringAnalysis.join('\n')).not.toMatch(/wombatfile/i);
    await analysis;
    await bri.configure({ shareWithGroq: Object.fromEntries(SHARED_KINDS.map((k) => [k, true])) });
  });

  const index = await bri.getIndex(id);
  markers.fileNames = [NAME, 'wombatfile'];
  markers.onScreenText = [DRAWN];
  markers.transcript = usable(index.transcript.map((s) => s.text)).slice(0, 12);
  markers.captions = usable(index.captions.map((c) => c.caption)).slice(0, 12);
  markers.objectNames = [...new Set(index.objects.map((o) => o.label))];
  expect(
    index.text.some((t) => t.text.toUpperCase().includes(DRAWN)),
    'OCR reads the marker',
  ).toBe(true);
  // BRI's own words (the prompt) are no markers: a label named there is dropped.
  fake.script({ text: 'Hello.' });
  const from = fake.bodies.length;
  await bri.configure({
    shareWithGroq: Object.fromEntries(SHARED_KINDS.map((k) => [k, false])),
  });
  await askAndWait(new ChatPage(page), 'Hello?');
  const own = fake.bodies.slice(from).map(contentOf).join('\n');
  markers.objectNames = markers.objectNames.filter((label) => !own.includes(label));
  for (const kind of SHARED_KINDS) {
    expect(markers[kind].length, `markers for ${kind}`).toBeGreaterThan(0);
    expect(leaked(kind, duringAnalysis), `${kind} sent during analysis`).toEqual([]);
  }
  await bri.configure({ shareWithGroq: Object.fromEntries(SHARED_KINDS.map((k) => [k, true])) });
});

test.afterAll(async () => {
  await page.context().close();
  await fake.stop();
});

/**
 * What a request body carries besides BRI's tool schemas (whose descriptions name objects such as
 * "bus" as examples): the messages — prompt, memory, question, tool calls and results.
 */
const contentOf = (body: string) =>
  JSON.stringify((JSON.parse(body) as { messages: unknown }).messages);

/** Markers of `kind` found in `bodies`, raw or as JSON escapes them. */
function leaked(kind: SharedKind, bodies: string[]): string[] {
  const all = bodies.map(contentOf).join('\n');
  return markers[kind].filter(
    (m) => all.includes(m) || all.includes(JSON.stringify(m).slice(1, -1)),
  );
}

const LANGUAGES: Record<SharedKind, string> = {
  transcript: 'German',
  onScreenText: 'French',
  captions: 'Italian',
  objectNames: 'Spanish',
  fileNames: 'Dutch',
};

for (const kind of SHARED_KINDS) {
  test(`with ${kind} kept back, no flow sends it to Groq`, async () => {
    test.setTimeout(180_000);
    const chat = new ChatPage(page);
    await page.goto(`/#/video/${id}`);
    await expect(on(page).video.view).toBeVisible();
    const from = fake.bodies.length;
    const everything = Object.fromEntries(SHARED_KINDS.map((k) => [k, true]));
    // Wipe the conversation so each kind starts from an answer made while it was allowed.
    await bri.wipeMemory(id);
    await bri.wipeMemory(null);

    await test.step('an answer made without a key, quoting it, is not sent back later', async () => {
      await bri.configure({ groqApiKey: null, shareWithGroq: everything });
      await page.reload();
      await askAndWait(chat, 'What is said, shown and written at 0:05?');
      await bri.configure({
        groqApiKey: fake.apiKey,
        groqBaseUrl: groqUrl,
        shareWithGroq: { ...everything, [kind]: false },
      });
      await page.reload();
      fake.script(...LOOK_AND_CITE);
      expect(await askAndWait(chat, 'And what happens then?')).toBeGreaterThan(0);
    });

    await test.step('a failed tool call, and one that works', async () => {
      fake.script(
        {
          toolCalls: [
            { name: 'get_context_at', arguments: { t: 9999 } },
            { name: 'get_context_at', arguments: { t: 5 } },
          ],
        },
        { text: 'Not there, but at [00:05] yes.' },
      );
      expect(await askAndWait(chat, 'What is at the very end, past the end?')).toBeGreaterThan(0);
    });

    await test.step('every tool that reads the index, and looking again', async () => {
      fake.script(
        {
          toolCalls: [
            { name: 'get_video_overview', arguments: {} },
            { name: 'search_transcript', arguments: { query: 'country' } },
            { name: 'search_captions', arguments: { query: 'a man' } },
            { name: 'search_on_screen_text', arguments: { query: 'sign' } },
          ],
        },
        {
          toolCalls: [
            // An object not in the video: its name is the model's word, not the video's.
            { name: 'find_object', arguments: { label: 'giraffe' } },
            { name: 'look_again', arguments: { t: 5, question: 'what is written here?' } },
          ],
        },
        { text: 'Seen again at [00:05].' },
      );
      expect(await askAndWait(chat, 'Tell me everything you can find.')).toBeGreaterThan(0);
    });

    await test.step('a follow-up offered under the answer', async () => {
      fake.script(...LOOK_AND_CITE);
      const before = await chat.messages.count();
      await on(page).chat.suggestion.first().click();
      await expect(chat.messages).toHaveCount(before + 1);
      await expect(on(page).chat.pending).toHaveCount(0);
      await expect(on(chat.messages.last()).chat.citation.first()).toBeVisible();
    });

    await test.step('Make chapters', async () => {
      fake.script({
        text: JSON.stringify({
          chapters: [
            { start: 0, title: 'Opening' },
            { start: 5, title: 'Then' },
          ],
        }),
      });
      const asked = fake.bodies.length;
      await on(page).chapters.make.click();
      await expect(on(page).chapters.note).toBeVisible();
      expect(fake.bodies.length).toBe(asked + 1);
    });

    await test.step('Translate: refused before anything is sent when the transcript is kept', async () => {
      await on(page).video.tabTranscript.click();
      const asked = fake.bodies.length;
      if (kind !== 'transcript') fake.script(translatorReply('XX'));
      await on(page).transcript.translateInto.fill(LANGUAGES[kind]);
      await on(page).transcript.translate.click();
      const note = on(page).transcript.translationNote;
      if (kind === 'transcript') {
        await expect(note).toContainText('keeps it on this device');
        expect(fake.bodies.length).toBe(asked);
      } else {
        await expect(note).toContainText(`Translated into ${LANGUAGES[kind]}`);
        expect(fake.bodies.length).toBeGreaterThan(asked);
      }
      await on(page).video.tabChat.click();
    });

    await test.step('the library chat', async () => {
      await page.goto('/');
      fake.script(
        {
          toolCalls: [
            { name: 'get_video_overview', arguments: {} },
            { name: 'search_captions', arguments: { query: 'a man' } },
            { name: 'get_context_at', arguments: { video_id: id, t: 5 } },
          ],
        },
        { text: 'In your library, at [00:05].' },
      );
      expect(await askAndWait(chat, 'What do my videos show?')).toBeGreaterThan(0);
    });

    const bodies = fake.bodies.slice(from);
    expect(bodies.length).toBeGreaterThan(8);
    expect(leaked(kind, bodies), `${kind} markers sent to Groq`).toEqual([]);
    // The other kinds still went: the audit is not passing by sending nothing.
    for (const other of SHARED_KINDS.filter((k) => k !== kind && k !== 'fileNames'))
      expect(leaked(other, bodies).length, `${other} still shared`).toBeGreaterThan(0);
  });
}

test('Diagnostics lists every request that left this session, exactly as the fake Groq got it', async () => {
  const chat = new ChatPage(page);
  await bri.configure({
    groqApiKey: fake.apiKey,
    groqBaseUrl: groqUrl,
    shareWithGroq: Object.fromEntries(SHARED_KINDS.map((k) => [k, true])),
  });
  await bri.wipeMemory(id);
  await page.goto(`/#/video/${id}`);
  await page.reload();
  await expect(chat.messages).toHaveCount(0);
  const from = fake.bodies.length;
  fake.script(...LOOK_AND_CITE);
  await askAndWait(chat, 'What happens at the start?');
  fake.script({ text: JSON.stringify({ chapters: [{ start: 0, title: 'All of it' }] }) });
  await on(page).chapters.make.click();
  await expect(on(page).chapters.note).toBeVisible();
  await on(page).video.tabTranscript.click();
  fake.script(translatorReply('PT'));
  await on(page).transcript.translateInto.fill('Portuguese');
  await on(page).transcript.translate.click();
  await expect(on(page).transcript.translationNote).toContainText('Portuguese');
  const bodies = fake.bodies.slice(from);

  await page.goto('/#/diagnostics');
  const ledger = on(page).diagnostics.sent;
  const entries = on(ledger).diagnostics.sentEntry;
  await expect(entries).toHaveCount(bodies.length);
  expect(await on(ledger).diagnostics.sentPurpose.allTextContents()).toEqual([
    'Chat answer',
    'Chat answer',
    'Make chapters',
    ...bodies.slice(3).map(() => 'Translate'),
  ]);
  expect(await on(ledger).diagnostics.sentBytes.allTextContents()).toEqual(
    bodies.map((body) => Buffer.byteLength(body).toLocaleString('en')),
  );
  await entries.last().locator('summary').click();
  await expect(on(entries.last()).diagnostics.sentBody).toHaveText(bodies.at(-1) ?? '');
});

test('Wipe memory forgets the conversation and the tool results its questions cached', async () => {
  const chat = new ChatPage(page);
  await bri.wipeMemory(id);
  await page.goto(`/#/video/${id}`);
  await page.reload();
  await expect(on(page).video.view).toBeVisible();
  await expect(chat.messages).toHaveCount(0);
  const asked = 'zebra crossing marker';
  fake.script(
    { toolCalls: [{ name: 'search_transcript', arguments: { query: asked } }] },
    { text: 'Nothing like that is said.' },
  );
  await askAndWait(chat, 'Is a zebra crossing mentioned?');
  // The model's query is the cached result's key and is in the turn's tool calls.
  const tables = (await rowsMentioning(page, [asked])).map((row) => row.split(':')[0]).sort();
  expect(tables).toEqual(['chatTurns', 'toolResults']);
  await on(page).chat.wipe.click();
  await page.getByRole('dialog').getByRole('button', { name: 'Forget it' }).click();
  await expect(chat.messages).toHaveCount(0);
  await expect.poll(() => rowsMentioning(page, [asked, 'zebra crossing'])).toEqual([]);
});
