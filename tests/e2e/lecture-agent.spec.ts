import type { Page } from '@playwright/test';
import { briOf, expect, test } from './fixtures';
import { on } from './support/parts';
import { iou, overlap, type Range } from './support/ranges';
import type { ToolOutcome } from '../../src/tools/tool-types';
import { mediaPath } from '../paths';
import { FakeGroq } from '../support/fake-groq';
import { formatTimestamp } from '../../src/tools/moments';
import { ChatPage, lastToolResult } from './support/chat-page';
import { LibraryPage } from './support/library-page';
import { VideoPage } from './support/video-page';
import { browserAgent, WEBMCP_ARGS, type AgentResult } from './support/browser-agent';
import { CHROMIUM_PATH } from './support/chromium';
import { exportText } from './support/bri-in-page';

/** Calls a tool through `bri.tools`, as an agent or a power user would. */
async function tool<Result>(page: Page, name: string, args: unknown): Promise<Result> {
  const outcome: ToolOutcome = await briOf(page).tools.execute(name, args);
  expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
  return (outcome as { result: Result }).result;
}

type ObjectRanges = { ranges: (Range & { video_id: string; label: string })[] };

// One indexing of the lecture (real YOLOX and OCR) serves every test: it is the slow part.
test.describe.configure({ mode: 'serial' });
// WebMCP on, as an agent-running browser has it (the other specs run without: nothing changes).
test.use({ launchOptions: { executablePath: CHROMIUM_PATH, args: WEBMCP_ARGS } });

const fake = new FakeGroq();
let groqUrl = '';
let page: Page;
let library: LibraryPage;
let lecture = '';
let other = '';

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  groqUrl = await fake.start();
  // A context of its own, so a second tab shares the first's settings (WebMCP's test).
  page = await (await browser.newContext()).newPage();
  library = new LibraryPage(page);
  await library.open({ autoAnalyse: false });
  await library.pick(mediaPath('lecture-5min.mp4'));
  await library.pick(mediaPath('jfk_bus_zidane.mp4'));
  lecture = await library.videoId('lecture-5min.mp4');
  other = await library.videoId('jfk_bus_zidane.mp4');
  const status = await library.analyse(lecture, ['frames', 'objects', 'text']);
  expect(status.stages.objects.state).toBe('done');
  expect(status.stages.text.state).toBe('done');
  expect((await library.analyse(other, ['frames', 'objects'])).stages.objects.state).toBe('done');
});

test.afterAll(async () => {
  await page.context().close();
  await fake.stop();
});

test('the tools answer from lecture-5min.mp4 indexed with the real YOLOX and OCR models, across the library, and the same after a backup is restored in a fresh profile', async ({
  browser,
}, testInfo) => {
  test.setTimeout(300_000);
  await test.step('tools.list describes the eleven tools with JSON Schema arguments', async () => {
    const { tools } = await briOf(page).tools.list();
    expect(tools.map((t) => t.name)).toHaveLength(11);
    expect(tools.find((t) => t.name === 'find_object')?.inputSchema).toMatchObject({
      type: 'object',
      required: ['label'],
    });
  });

  const busScenes = [
    { start: 20, end: 60 },
    { start: 140, end: 180 },
  ];
  await test.step('find_object "bus": one range per bus scene (IoU ≥ 0.5), none elsewhere', async () => {
    const { ranges } = await tool<ObjectRanges>(page, 'find_object', {
      video_id: lecture,
      label: 'bus',
    });
    for (const scene of busScenes) {
      const best = Math.max(...ranges.map((r) => iou(r, scene)));
      expect(
        best,
        `${scene.start}–${scene.end} in ${JSON.stringify(ranges)}`,
      ).toBeGreaterThanOrEqual(0.5);
    }
    for (const range of ranges) {
      expect(
        busScenes.some((scene) => overlap(range, scene) > 0),
        JSON.stringify(range),
      ).toBe(true);
    }
  });

  await test.step('search_on_screen_text "public transport" finds the 60–80 s slide', async () => {
    const { matches } = await tool<{ matches: (Range & { texts: string[] })[] }>(
      page,
      'search_on_screen_text',
      { video_id: lecture, query: 'public transport' },
    );
    expect(matches.length, JSON.stringify(matches)).toBeGreaterThan(0);
    const [best] = matches;
    expect(iou(best!, { start: 60, end: 80 }), JSON.stringify(best)).toBeGreaterThanOrEqual(0.5);
    for (const match of matches) expect(overlap(match, { start: 60, end: 80 })).toBeGreaterThan(0);
  });

  await test.step('get_context_at 100 s sees a person and a tie', async () => {
    const context = await tool<{ objects: { label: string }[]; nearest_frame: { t: number } }>(
      page,
      'get_context_at',
      { video_id: lecture, t: 100 },
    );
    expect(context.objects.map((o) => o.label)).toEqual(expect.arrayContaining(['person', 'tie']));
    expect(Math.abs(context.nearest_frame.t - 100)).toBeLessThan(5);
  });

  await test.step('without video_id, find_object searches both videos and labels each range', async () => {
    const everywhere = await tool<ObjectRanges>(page, 'find_object', { label: 'bus' });
    for (const id of [lecture, other]) {
      const own = await tool<ObjectRanges>(page, 'find_object', { video_id: id, label: 'bus' });
      expect(own.ranges.length, id).toBeGreaterThan(0);
      expect(everywhere.ranges.filter((r) => r.video_id === id)).toEqual(own.ranges);
    }
    expect(everywhere.ranges.every((r) => [lecture, other].includes(r.video_id))).toBe(true);
  });

  await test.step('get_frame gives a thumbnail the page can show', async () => {
    const frame = await tool<{ thumbnail_url: string; t: number; width: number }>(
      page,
      'get_frame',
      { video_id: lecture, t: 30 },
    );
    const image = await page.evaluate(async (url) => {
      const bitmap = await createImageBitmap(await (await fetch(url)).blob());
      return { width: bitmap.width, height: bitmap.height };
    }, frame.thumbnail_url);
    expect(image.width).toBe(frame.width);
  });

  await test.step('look_again at 100 s decodes full-resolution frames and sees the tie afresh', async () => {
    const look = await tool<{
      frames: { width: number; objects: { label: string }[]; caption: string | null }[];
      answer: { objects_seen: string[] };
    }>(page, 'look_again', { video_id: lecture, t: 100, question: 'Is he wearing a tie?' });
    expect(look.frames).toHaveLength(3);
    const video = await briOf(page).getVideo(lecture);
    for (const frame of look.frames) expect(frame.width).toBe(video?.width);
    expect(look.answer.objects_seen).toEqual(['tie']);
  });

  await test.step('a backup restored into a fresh profile answers every tool call the same', async () => {
    const calls: [string, object][] = [
      ['find_object', { label: 'bus' }],
      ['find_object', { video_id: lecture, label: 'person' }],
      ['search_on_screen_text', { query: 'public transport' }],
      ['get_context_at', { video_id: lecture, t: 100 }],
      ['get_video_overview', {}],
    ];
    const answers = (on: Page) =>
      Promise.all(calls.map(([name, args]) => tool<unknown>(on, name, args)));
    const before = await answers(page);
    const download = page.waitForEvent('download');
    await on(page).library.backup.click();
    const backupPath = testInfo.outputPath('library.bri');
    await (await download).saveAs(backupPath);

    const fresh = await browser.newContext();
    try {
      const restoredPage = await fresh.newPage();
      const restored = new LibraryPage(restoredPage);
      await restored.open({ autoAnalyse: false });
      await restored.pick(backupPath);
      await expect(on(restoredPage).library.card).toHaveCount(2);
      expect(await answers(restoredPage)).toEqual(before);
      const frame = await tool<{ t: number }>(restoredPage, 'get_frame', {
        video_id: lecture,
        t: 30,
      });
      expect(frame.t).toBeGreaterThan(25);
      await restored.pick(backupPath);
      await expect(on(restoredPage).library.error).toContainText(
        'Nothing was restored from the backup: “jfk_bus_zidane.mp4” is already in your library. “lecture-5min.mp4” is already in your library.',
      );
    } finally {
      await fresh.close();
    }
  });

  await test.step('a bad call comes back as a structured error', async () => {
    const outcome = await briOf(page).tools.execute('get_context_at', { t: 10 });
    expect(outcome).toEqual({
      ok: false,
      tool: 'get_context_at',
      error: {
        code: 'invalid_arguments',
        message: 'Several videos are in the library: say which one with video_id.',
      },
    });
  });
});

test('asking when the bus appears: find_object is called, the streamed answer cites both bus scenes, and a citation seeks the player', async () => {
  test.setTimeout(240_000);
  await briOf(page).configure({ groqApiKey: fake.apiKey, groqBaseUrl: groqUrl });
  await on(library.card('lecture-5min.mp4')).library.open.click();
  await expect(on(page).video.view).toBeVisible();
  const id = lecture;
  const messages = on(page).chat.message;
  const citations = on(page).chat.citation;

  await test.step('the agent calls find_object and cites ~0:20 and ~2:20; an invented time stays text', async () => {
    fake.script(
      { toolCalls: [{ name: 'find_object', arguments: { label: 'bus' } }] },
      (request) => {
        const starts = lastToolResult<{ ranges: { start: number }[] }>(request).ranges.map((r) =>
          formatTimestamp(r.start),
        );
        return {
          text: `The bus appears at ${starts.join(' and again at ')}. It also drives past at [04:50].`,
          chunkDelayMs: 20,
        };
      },
    );
    await new ChatPage(page).ask('When does the bus appear?');
    await expect(messages).toHaveCount(1);
    expect(fake.requests[0]?.tools?.map((t) => t.function.name)).toContain('find_object');
    expect(fake.requests[1]?.messages.at(-1)?.role).toBe('tool');
    await expect(citations).toHaveCount(2);
    const times = await citations.evaluateAll((els) =>
      els.map((el) => Number(el.getAttribute('data-t'))),
    );
    expect(Math.abs((times[0] ?? 0) - 20)).toBeLessThanOrEqual(6);
    expect(Math.abs((times[1] ?? 0) - 140)).toBeLessThanOrEqual(6);
    await expect(messages.first()).toContainText('[04:50]');
    await expect(on(page).chat.suggestion.first()).toBeVisible();

    // For a person to look at (not committed): the video view with a cited answer.
    await page.screenshot({ path: test.info().outputPath('video-view-1280.png') });
    // The press lands inside the range find_object returned (the shot the thumbnail shows),
    // not on the rounded second before it.
    const ranges = lastToolResult<{ ranges: { start: number; end: number }[] }>(
      fake.requests[1]!,
    ).ranges;
    const bus = ranges.find((r) => Math.abs(r.start - (times[1] ?? 0)) < 1.5)!;
    await citations.nth(1).click();
    const landed = () => on(page).player.video.evaluate((v: HTMLVideoElement) => v.currentTime);
    await expect.poll(landed).toBeGreaterThanOrEqual(bus.start);
    expect(await landed()).toBeLessThan(bus.end);
  });

  await test.step('on a phone, pressing a citation far below the player brings the player into view', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await on(page).player.video.evaluate((v: HTMLVideoElement) => (v.currentTime = 0));
    await citations.first().scrollIntoViewIfNeeded();
    await expect(on(page).player.video).not.toBeInViewport();
    await citations.first().click();
    await expect(on(page).player.video).toBeInViewport();
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  await test.step('a follow-up question is sent with the previous turn', async () => {
    fake.script({ text: 'You asked when the bus appears.' });
    await new ChatPage(page).ask('What did I just ask?');
    await expect(messages).toHaveCount(2);
    expect(fake.requests.at(-1)?.messages.slice(1)).toEqual([
      { role: 'user', content: 'When does the bus appear?' },
      { role: 'assistant', content: expect.stringContaining('The bus appears at') },
      { role: 'user', content: 'What did I just ask?' },
    ]);
  });

  await test.step('errors: a server error offers a retry that works; the conversation stays', async () => {
    fake.script({ status: 503 }, { status: 503 }, { status: 503 });
    await new ChatPage(page).ask('Is there a tie?');
    await expect(on(page).chat.error).toContainText('Groq had a problem on its side (503)');
    await expect(messages).toHaveCount(2);
    await expect(on(page).chat.input).toHaveValue('Is there a tie?');
    fake.script({ text: 'Let me look — I found no tie in the detections.' });
    await on(page).chat.retry.click();
    await expect(messages).toHaveCount(3);
    await expect(on(page).chat.error).toHaveCount(0);
  });

  await test.step('a rate limit is waited out as Groq asks; malformed tool arguments are survived', async () => {
    fake.script(
      { status: 429, headers: { 'retry-after': '1' } },
      { toolCalls: [{ name: 'find_object', arguments: '{"label": bus' }] },
      { text: 'Sorry, let me answer plainly: no tie that I can see.' },
    );
    await new ChatPage(page).ask('Any tie at all?');
    await expect(messages).toHaveCount(4);
    const toolMessage = fake.requests.at(-1)?.messages.at(-1);
    expect(toolMessage?.role === 'tool' && toolMessage.content).toContain('invalid_arguments');
  });

  await test.step('a wrong key and a lost connection are explained; the question waits to be retried', async () => {
    await briOf(page).configure({ groqApiKey: 'gsk_revoked_key' });
    await new ChatPage(page).ask('Anything else?');
    await expect(on(page).chat.error.locator('p')).toHaveText(
      'Groq did not accept your API key. Check it in Settings (it starts with "gsk_").',
    );
    await briOf(page).configure({ groqApiKey: fake.apiKey, groqBaseUrl: 'http://127.0.0.1:9' });
    await on(page).chat.retry.click();
    await expect(on(page).chat.error.locator('p')).toContainText("Couldn't reach Groq");
    await expect(messages).toHaveCount(4);
    await expect(on(page).chat.input).toHaveValue('Anything else?');
    await briOf(page).configure({ groqBaseUrl: groqUrl });
  });

  await test.step('without a key the tools answer alone, still with real citations', async () => {
    await briOf(page).configure({ groqApiKey: null });
    const before = fake.requests.length;
    await new ChatPage(page).ask('When does the bus appear?');
    await expect(messages).toHaveCount(5);
    await expect(messages.last()).toHaveAttribute('data-mode', 'tools');
    await expect(on(messages.last()).chat.citation.first()).toBeVisible();
    expect(fake.requests.length).toBe(before);
  });

  await test.step('a reload keeps the conversation; wiping it asks first, then forgets it', async () => {
    await page.reload();
    await expect(on(page).video.view).toBeVisible();
    await expect(messages).toHaveCount(5);
    await on(page).video.back.click();
    const history = on(page).chat.historyItem;
    await expect(history).toHaveCount(1);
    await expect(history).toContainText('lecture-5min.mp4');
    await expect(history).toContainText('5 questions');
    await history.getByRole('button').click();
    await expect(messages).toHaveCount(5);
    await on(page).chat.wipe.click();
    await page.getByRole('button', { name: 'Forget it' }).last().click();
    await expect(messages).toHaveCount(0);
    expect(await briOf(page).wipeMemory(id)).toBe(0);
  });

  await test.step('a claim the index does not bear out (a giraffe at 0:20) is marked not confirmed; the true one stays a citation', async () => {
    let busAt = 0;
    const reply = (request: Parameters<typeof lastToolResult>[0]) => {
      const starts = lastToolResult<{ ranges: { start: number }[] }>(request).ranges.map(
        (r) => r.start,
      );
      busAt = Math.round((starts[1] ?? 0) + 1);
      return {
        text: `A giraffe walks past at [00:20]. The bus is back at ${formatTimestamp(busAt)}.`,
      };
    };
    const script = () =>
      fake.script({ toolCalls: [{ name: 'find_object', arguments: { label: 'bus' } }] }, reply);
    await briOf(page).configure({ groqApiKey: fake.apiKey, groqBaseUrl: groqUrl });
    script();
    await new ChatPage(page).ask('Which animals and vehicles are there?');
    await expect(messages).toHaveCount(1);
    const last = messages.last();
    await expect(on(last).chat.unconfirmed).toHaveText(
      '[00:20] (not confirmed: no giraffe was detected, described or mentioned around 00:20)',
    );
    await expect(on(last).chat.citation).toHaveCount(1);
    await expect(on(last).chat.citation).toHaveAttribute('data-t', String(busAt));

    script();
    const answer = await briOf(page).ask(id, 'Which animals and vehicles are there?');
    expect(answer.sent).toEqual(fake.bodies.slice(-2)); // what left for Groq, byte for byte
    expect(answer.citations.map(({ t, confirmed }) => ({ t, confirmed }))).toEqual([
      { t: 20, confirmed: false },
      { t: busAt, confirmed: true },
    ]);
  });
});

test('the library chat names the video each moment is from, and a moment opens its video there', async () => {
  await on(page).video.back.click();
  await expect(library.cards).toHaveCount(2);
  fake.script({ toolCalls: [{ name: 'find_object', arguments: { label: 'bus' } }] }, (request) => {
    const ranges = lastToolResult<{ ranges: { video_id: string; start: number }[] }>(
      request,
    ).ranges;
    const first = (id: string) => ranges.find((r) => r.video_id === id)?.start ?? 0;
    return {
      text: `A bus at ${formatTimestamp(first(lecture))} in the lecture, and at ${formatTimestamp(first(other))} in the other.`,
    };
  });
  const chat = new ChatPage(page);
  await chat.ask('Where is there a bus, in all my videos?');
  await expect(chat.citations).toHaveCount(2);
  const names = await on(page).chat.citationVideo.allTextContents();
  expect(names.sort()).toEqual(['jfk_bus_zidane.mp4', 'lecture-5min.mp4']);
  const toLecture = chat.citations.filter({ hasText: 'lecture-5min.mp4' });
  await expect(toLecture).toHaveAttribute('aria-label', /of lecture-5min\.mp4$/);
  await toLecture.click();
  await expect(on(page).video.view).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/video/${lecture}$`));
});

test('without a key, "what is on the slide at 1:10?" reads that moment: the slide, cited, nothing unasked refuted', async () => {
  await briOf(page).configure({ groqApiKey: null });
  await on(page).video.back.click();
  await on(library.card('lecture-5min.mp4')).library.open.click();
  const chat = new ChatPage(page);
  await chat.ask('What is on the slide at 1:10?');
  const answer = chat.messages.last();
  await expect(answer).toContainText('Chapter one');
  await expect(on(answer).chat.citation).toHaveText(/01:10/);
  await expect(on(answer).chat.unconfirmed).toHaveCount(0);
  await expect(answer).not.toContainText('couldn’t find');
  await expect(answer).not.toContainText("couldn't find");
});

/** Turns Settings → "Let AI agents in this browser use BRI's tools" on or off, as a person would. */
async function allowAgents(on_: Page, allowed: boolean): Promise<void> {
  await on(on_).settings.open.click();
  const dialog = on(on_).settings.dialog;
  await on(dialog).settings.agentTools.setChecked(allowed);
  await on(dialog).settings.save.click();
  await expect(dialog).toBeHidden();
}

test('an agent in the browser uses BRI’s tools over WebMCP, only while the person allows it, and sees what was taken', async () => {
  test.setTimeout(240_000);
  const agent = browserAgent(page);
  const calls: { tool: string; args: Record<string, unknown> }[] = [];
  const call = async (name: string, args: Record<string, unknown>) => {
    calls.push({ tool: name, args });
    return agent.call(name, args);
  };

  await test.step('off until the person turns it on: no tools', async () => {
    expect(await agent.tools()).toEqual([]);
  });

  const { tools } = await briOf(page).tools.list();
  await test.step('switched on in Settings: every tool, with the registry’s descriptions and schemas', async () => {
    await allowAgents(page, true);
    await expect.poll(async () => (await agent.tools()).length).toBe(tools.length);
    const offered = await agent.tools();
    // The browser lists them in its own order.
    const byName = <T extends { name: string }>(list: T[]) =>
      [...list].sort((a, b) => a.name.localeCompare(b.name));
    expect(
      byName(offered).map(({ name, description, inputSchema }) => ({
        name,
        description,
        inputSchema,
      })),
    ).toEqual(byName(tools));
    expect(offered.every((t) => t.annotations?.readOnly)).toBe(true);
    const untrusted = offered.filter((t) => t.annotations?.untrustedContent).map((t) => t.name);
    expect(untrusted).toEqual(
      expect.arrayContaining(['search_transcript', 'list_videos', 'get_frame']),
    );
  });

  const second = await page.context().newPage();
  await test.step('find_object "bus": the chat tool’s moments, each a link that opens the video there', async () => {
    const { ranges } = await tool<ObjectRanges>(page, 'find_object', {
      video_id: lecture,
      label: 'bus',
    });
    const answer = await call('find_object', { video_id: lecture, label: 'bus' });
    expect(answer.isError ?? false).toBe(false);
    const moments = answer.structuredContent?.moments ?? [];
    expect(moments.map((m) => [m.video_id, m.start, m.end, m.label])).toEqual(
      ranges.map((r) => [r.video_id, r.start, r.end, r.label]),
    );
    expect(agent.text(answer)).toContain(moments[0]?.link);
    const moment = moments[1] ?? moments[0]!;
    await second.goto(moment.link);
    const view = new VideoPage(second);
    await expect(view.view).toBeVisible();
    await expect(view.view.getByRole('heading', { level: 1 })).toHaveText('lecture-5min.mp4');
    await expect.poll(() => view.playerTime()).toBeCloseTo(moment.start, 1);
    await second.reload();
    await expect.poll(() => view.playerTime()).toBeCloseTo(moment.start, 1);
  });

  await test.step('get_frame returns the frame itself: an image that decodes to its size', async () => {
    const answer = await call('get_frame', { video_id: lecture, t: 100 });
    const image = answer.content.find((c) => c.type === 'image');
    expect(image).toBeDefined();
    const stored = await tool<{ width: number; height: number }>(page, 'get_frame', {
      video_id: lecture,
      t: 100,
    });
    const frame = answer.structuredContent?.result;
    expect(frame).toMatchObject({ width: stored.width, height: stored.height });
    expect(frame).not.toHaveProperty('thumbnail_url');
    expect(await agent.imageSize(image as { data: string; mimeType: string })).toEqual({
      width: stored.width,
      height: stored.height,
    });
  });

  await test.step('with transcript text kept on the device, no transcript line reaches the agent', async () => {
    expect((await library.analyse(other, ['transcript'])).stages.transcript.state).toBe('done');
    // The fixture Whisper's lines (random weights): long enough not to occur by chance.
    const lines = (await exportText(page, other, 'vtt'))
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length >= 8 && !/-->|^WEBVTT/.test(line));
    expect(lines.length).toBeGreaterThan(0);
    const asked: [string, Record<string, unknown>][] = [
      ['search_transcript', { video_id: other, query: 'what was said', top_k: 50 }],
      ['search_library', { query: 'what was said' }],
      ['get_context_at', { video_id: other, t: 3, window_s: 30 }],
    ];
    const everything = async () => {
      const answers: AgentResult[] = [];
      for (const [name, args] of asked) answers.push(await call(name, args));
      return JSON.stringify(answers);
    };
    const shared = await everything();
    expect(lines.some((line) => shared.includes(JSON.stringify(line).slice(1, -1)))).toBe(true);
    await briOf(page).configure({ shareWithGroq: { transcript: false } });
    const kept = await everything();
    for (const line of lines) expect(kept).not.toContain(JSON.stringify(line).slice(1, -1));
    expect(kept).toContain('Kept on the person’s device by their settings: transcript text');
    await briOf(page).configure({ shareWithGroq: { transcript: true } });
  });

  await test.step('bad ids, times and arguments each get a message the agent can act on', async () => {
    const unknown = await call('find_object', { video_id: 'nope', label: 'bus' });
    expect(unknown.isError).toBe(true);
    expect(agent.text(unknown)).toContain(`No video with id "nope"`);
    expect(agent.text(unknown)).toContain(`"${lecture}"`);
    const late = await call('get_context_at', { video_id: lecture, t: 9999 });
    expect(late.isError).toBe(true);
    expect(agent.text(late)).toMatch(/past the end of .* \(300\.\d s long\)/);
    const bad = await call('search_transcript', { video_id: lecture, query: 'bus', top_k: 500 });
    expect(bad.isError).toBe(true);
    expect(agent.text(bad)).toMatch(/^Invalid arguments for search_transcript: top_k: /);
    const cancelled = await agent.cancelledCall('look_again', { video_id: lecture, t: 100 }, 50);
    calls.push({ tool: 'look_again', args: { video_id: lecture, t: 100 } });
    expect(cancelled.error).toMatch(/AbortError/);
  });

  await test.step('Diagnostics → What agents took lists every call: tool, arguments and bytes', async () => {
    await on(page).settings.open.click();
    await on(page).settings.advanced.click();
    await on(page).settings.diagnostics.click();
    const rows = on(page).diagnostics.agentCall;
    await expect(rows).toHaveCount(calls.length);
    expect(await on(page).diagnostics.agentTool.allTextContents()).toEqual(
      calls.map((c) => c.tool),
    );
    const args = await on(page).diagnostics.agentArgs.allTextContents();
    calls.forEach((c, i) => expect(JSON.parse(args[i]!)).toEqual(c.args));
    for (const bytes of await on(page).diagnostics.agentBytes.allTextContents())
      expect(Number(bytes.replace(/\D/g, ''))).toBeGreaterThan(0);
    await expect(rows.last()).toContainText('(error)');
  });

  await test.step('switched off again: no tools, in both tabs', async () => {
    await expect.poll(async () => (await browserAgent(second).tools()).length).toBe(tools.length);
    await allowAgents(page, false);
    await expect.poll(() => agent.tools()).toEqual([]);
    await expect.poll(() => browserAgent(second).tools()).toEqual([]);
  });
  await second.close();
});
