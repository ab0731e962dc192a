import type { Page } from '@playwright/test';
import { briOf, expect, test } from './fixtures';
import { on } from './support/parts';
import { exportText } from './support/bri-in-page';
import { ChatPage, lastToolResult } from './support/chat-page';
import { FIXTURE_MODELS, LibraryPage } from './support/library-page';
import { FakeGroq } from '../support/fake-groq';
import { formatTimestamp } from '../../src/tools/moments';
import {
  diarizationErrorRate,
  makeConversation,
  type Conversation,
} from '../support/conversations';

// Two espeak-ng voices in alternating turns, told apart by the speaker fixtures (speech-like
// energy, a voice's average spectral shape: scripts/make-speaker-models.mjs).
test.describe.configure({ mode: 'serial' });

const fake = new FakeGroq();
let page: Page;
let library: LibraryPage;
let meeting: Conversation;
let meetingId = '';

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  meeting = makeConversation({ name: 'meeting.m4a', seconds: 120 });
  const groqUrl = await fake.start();
  page = await browser.newPage();
  library = new LibraryPage(page);
  await library.open({ autoAnalyse: false });
  await briOf(page).configure({ groqApiKey: fake.apiKey, groqBaseUrl: groqUrl });
  await library.pick(meeting.path);
  meetingId = await library.videoId('meeting.m4a');
  const status = await library.analyse(meetingId, ['transcript', 'speakers']);
  expect(status.stages.speakers.state, status.stages.speakers.detail ?? '').toBe('done');
});

test.afterAll(async () => {
  await page.close();
  await fake.stop();
});

test('two voices in turns: told apart, shown as turns, renamed everywhere at once', async () => {
  test.setTimeout(120_000);
  let vtt = '';
  await test.step('two speakers found, diarization error ≤ 15 % against the known turns', async () => {
    const { speakers: turns } = await briOf(page).getIndex(meetingId);
    const found = new Set(turns.map((t) => t.speaker)).size;
    expect(found).toBe(2);
    const der = diarizationErrorRate(meeting.turns, turns, meeting.duration);
    console.info(
      `speakers: ${found} found, ${turns.length} turns against ${meeting.turns.length} true; DER ${(der * 100).toFixed(1)} %`,
    );
    expect(der).toBeLessThanOrEqual(0.15);
  });

  await test.step('the transcript tab shows the turns, each opened by its speaker', async () => {
    await on(library.card('meeting.m4a')).library.open.click();
    await on(page).video.tabTranscript.click();
    await expect(on(page).speakers.row).toHaveCount(2);
    const turns = await on(page).transcript.turn.allTextContents();
    expect(turns.length).toBeGreaterThanOrEqual(4);
    expect(new Set(turns)).toEqual(new Set(['Speaker 1', 'Speaker 2']));
    expect(turns[0]).toBe('Speaker 1');
  });

  await test.step('renaming Speaker 1 to Dana changes the transcript, the timeline and the WebVTT', async () => {
    const first = on(page).speakers.rowOf(1);
    await on(first).speakers.rename.click();
    await on(first).speakers.nameInput.fill('Dana');
    await on(first).speakers.save.click();
    await expect(on(first).speakers.name).toHaveText('Dana');
    await expect(on(page).transcript.turn.first()).toHaveText('Dana');
    await expect(on(page).timeline.laneTitle).toContainText(['Dana', 'Speaker 2']);
    vtt = await exportText(page, meetingId, 'vtt');
    expect(vtt).toContain('<v Dana>');
    expect(vtt).toContain('<v Speaker 2>');
    const srt = await exportText(page, meetingId, 'srt');
    expect(srt).toMatch(/\nDana: /);
  });

  await test.step('a cited answer says who: the tool returns the speaker, the citation names Dana', async () => {
    // A word Dana said (the fixture Whisper's words: random weights).
    const line = vtt.split('\n').find((l) => l.startsWith('<v Dana>')) ?? '';
    const word =
      line
        .replace('<v Dana>', '')
        .split(/\W+/)
        .find((w) => w.length >= 4) ?? 'the';
    fake.script(
      { toolCalls: [{ name: 'search_transcript', arguments: { query: word, speaker: 'Dana' } }] },
      (request) => {
        const { results } = lastToolResult<{
          results: { start: number; speaker?: string }[];
        }>(request);
        expect(results.length).toBeGreaterThan(0);
        expect(results.every((r) => r.speaker === 'Dana')).toBe(true);
        return { text: `Dana talks about it at ${formatTimestamp(results[0]!.start)}.` };
      },
    );
    await on(page).video.tabChat.click();
    const chat = new ChatPage(page);
    await chat.ask('What did Dana say about the budget?');
    await expect(on(page).chat.citationSpeaker).toHaveText('Dana');
  });
});

test('a name tag on a slide while one voice speaks alone is suggested, and used only on yes', async () => {
  test.setTimeout(120_000);
  const panel = makeConversation({
    name: 'panel.mp4',
    seconds: 30,
    picture: { caption: 'DANA REYES', captionTurn: 2 },
  });
  await library.open({ autoAnalyse: false });
  await library.pick(panel.path);
  const id = await library.videoId('panel.mp4');
  const status = await library.analyse(id, ['text', 'transcript', 'speakers']);
  expect(status.stages.speakers.stats.speakers).toBe(2);
  await on(library.card('panel.mp4')).library.open.click();
  await on(page).video.tabTranscript.click();
  const tagged = on(page).speakers.rowOf(panel.turns[2]!.speaker);
  await expect(on(tagged).speakers.suggestion).toContainText('Dana Reyes');
  await expect(on(tagged).speakers.name).toHaveText(/^Speaker \d$/);
  await on(tagged).speakers.accept.click();
  await expect(on(tagged).speakers.name).toHaveText('Dana Reyes');
  await expect(on(tagged).speakers.suggestion).toHaveCount(0);
});

test('one voice: the stage says so, and the transcript carries no speaker labels', async () => {
  test.setTimeout(120_000);
  const talk = makeConversation({ name: 'talk.m4a', seconds: 25, voices: 1 });
  await library.open({ autoAnalyse: false });
  await library.pick(talk.path);
  const id = await library.videoId('talk.m4a');
  const status = await library.analyse(id, ['transcript', 'speakers']);
  expect(status.stages.speakers.stats.speakers).toBe(1);
  expect(status.stages.speakers.detail).toMatch(/One voice/);
  await on(library.card('talk.m4a')).library.open.click();
  await on(page).video.tabTranscript.click();
  await expect(on(page).transcript.segment.first()).toBeVisible();
  await expect(on(page).transcript.turn).toHaveCount(0);
  await expect(on(page).speakers.panel).toHaveCount(0);
  expect(await exportText(page, id, 'vtt')).not.toContain('<v ');

  await test.step('a speaker model that can’t be downloaded fails the stage in plain words, and only it', async () => {
    await briOf(page).configure({
      models: { ...FIXTURE_MODELS, speakerEmbed: 'speaker-models/no-such-embedder' },
    });
    const again = await library.analyse(id, ['speakers']);
    expect(again.stages.speakers.state).toBe('failed');
    expect(again.stages.speakers.detail).toContain('speaker-models/no-such-embedder');
    expect(again.stages.transcript.state).toBe('done');
    await briOf(page).configure({ models: FIXTURE_MODELS });
  });
});
