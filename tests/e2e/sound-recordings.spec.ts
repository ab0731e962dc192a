import { briOf, expect, test } from './fixtures';
import { on } from './support/parts';
import { exportText } from './support/bri-in-page';
import { importBuiltFile } from './support/built-file';
import { SOUND_FILES } from '../support/field-media';

test('sound recordings are library items: imported with their length, transcribed, chat-ready, frame stages skipped with the reason', async ({
  page,
  library,
  bri,
}) => {
  test.setTimeout(300_000);
  await library.open({ autoAnalyse: false });
  for (const { name, what, build } of SOUND_FILES) {
    await test.step(`${name}: ${what}`, async () => {
      const { id, ffprobeDuration: truth } = await importBuiltFile(library, name, build());
      const card = library.card(name);
      await expect(on(card).library.dimensions).toHaveText('Sound only');
      const record = (await bri.listVideos()).find((v) => v.id === id);
      expect(record).toMatchObject({ hasVideo: false, hasAudio: true, width: 0, height: 0 });
      expect(Math.abs((record?.duration ?? 0) - truth), `duration of ${name}`).toBeLessThanOrEqual(
        0.1,
      );
      await briOf(page).analyse(id);
      const status = await library.waitForAnalysis(id);
      for (const stage of ['frames', 'objects', 'text', 'captions'] as const) {
        expect(status.stages[stage].state, stage).toBe('skipped');
        expect(status.stages[stage].detail).toContain('This is a sound recording');
      }
      expect(status.stages.speech.state).toBe('done');
      expect(status.stages.transcript.state, status.stages.transcript.detail ?? '').toBe('done');
      expect(status.stages.transcript.stats.segments).toBeGreaterThan(0);
      expect(status.stages.embeddings.state, status.stages.embeddings.detail ?? '').toBe('done');
      expect(status.chatReady).toBe(true);
    });
  }

  await test.step('a voice memo can be asked about, and its player shows the waveform', async () => {
    const id = await library.videoId('voice-memo.m4a');
    const reply = await briOf(page).ask(id, 'What is said?');
    expect(reply.text.length).toBeGreaterThan(0);
    expect(reply.tool_calls.length).toBeGreaterThan(0);
    // Subtitles and notes come from the transcript, as for a video.
    const srt = await exportText(page, id, 'srt');
    const exported = {
      cues: (srt.match(/-->/g) ?? []).length,
      notes: (await exportText(page, id, 'md')).length,
    };
    expect(exported.cues).toBeGreaterThan(0);
    expect(exported.notes).toBeGreaterThan(0);
    await on(library.card('voice-memo.m4a')).library.open.click();
    const player = on(page).player.video;
    await expect(player).toHaveAttribute('poster', /^blob:/);
    await expect(on(page).player.unplayable).toHaveCount(0);
    // The transcript, timeline and chat render for a recording without frames.
    await expect(on(page).video.view).toBeVisible();
    await expect(page.getByText('could not be shown')).toHaveCount(0);
  });
});
