import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  addVideo,
  db,
  finishSpeechStage,
  getSpeakerCheckpoint,
  getSpeakers,
  listStages,
  saveSpeakerCheckpoint,
} from '../../../src/db';
import type { SpeakersRequest } from '../../../src/bridges/speakers';
import { LINEAGE } from '../tools/seeded-library';
import { poster, video } from '../db/video-fixture';

/** The speakers worker, mocked at its bridge: 12 windows, one piece each, two voices. */
const requests: SpeakersRequest[] = [];
/** The checkpoint as stored right after each window was heard. */
const checkpoints: (number | null)[] = [];
const WINDOWS = 12;
const pieceOf = (w: number) => ({
  start: w * 10,
  end: w * 10 + 2,
  vector: Float32Array.from([w % 2, 1 - (w % 2)]),
});
vi.mock('../../../src/bridges/speakers', () => ({
  releaseDiarizer: () => {},
  diarize: async (
    _signal: AbortSignal,
    request: SpeakersRequest,
    callbacks: {
      onWindow: (heard: { windows: number; pieces: ReturnType<typeof pieceOf>[] }) => Promise<void>;
    },
  ) => {
    requests.push(request);
    const { getSpeakerCheckpoint: stored } = await import('../../../src/db');
    for (let w = request.resumed?.windows ?? 0; w < WINDOWS; w++) {
      await callbacks.onWindow({ windows: w + 1, pieces: [pieceOf(w)] });
      checkpoints.push((await stored('talk'))?.windows ?? null);
    }
    const pieces = [
      ...(request.resumed?.pieces ?? []),
      ...Array.from({ length: WINDOWS }, (_, w) => pieceOf(w)).slice(request.resumed?.windows ?? 0),
    ];
    return {
      turns: pieces.map((p, i) => ({ start: p.start, end: p.end, speaker: (i % 2) + 1 })),
      speakers: 2,
      windows: WINDOWS,
      pieces: pieces.length,
      device: 'wasm',
      seconds: 0.1,
    };
  },
}));

const { runSpeakersStage } = await import('../../../src/pipeline/speakers-stage');

const long = { ...video('talk', 1), duration: 130 };

describe('the speakers stage', () => {
  beforeEach(async () => {
    requests.length = 0;
    checkpoints.length = 0;
    await Promise.all(db.tables.map((table) => table.clear()));
    await addVideo(long, poster('talk'), new Blob(['talk']));
    await finishSpeechStage([{ videoId: 'talk', start: 0, end: 120, lineage: LINEAGE }], {
      videoId: 'talk',
      stage: 'speech',
      state: 'done',
      progress: 1,
      detail: null,
      stats: {},
      updatedAt: 1,
    });
  });

  it('keeps what it heard every 10 windows, and drops the checkpoint when done', async () => {
    const seen: (number | null)[] = [];
    const watch = setInterval(
      () => void getSpeakerCheckpoint('talk').then((c) => seen.push(c?.windows ?? null)),
      1,
    );
    await runSpeakersStage(long, new AbortController().signal);
    clearInterval(watch);
    expect(requests[0]?.resumed).toBeUndefined();
    expect(await getSpeakerCheckpoint('talk')).toBeNull();
    expect((await getSpeakers('talk'))?.turns).toHaveLength(WINDOWS);
    const row = (await listStages('talk')).find((s) => s.stage === 'speakers');
    expect(row).toMatchObject({ state: 'done', stats: { speakers: 2, resumedWindows: 0 } });
  });

  it('goes on after the last checkpoint when a reload interrupted it, clustering old and new pieces', async () => {
    const heard = Array.from({ length: 10 }, (_, w) => pieceOf(w));
    await saveSpeakerCheckpoint('talk', { windows: 10, pieces: heard }, LINEAGE);
    await runSpeakersStage(long, new AbortController().signal, true);
    expect(requests[0]?.resumed?.windows).toBe(10);
    expect(requests[0]?.resumed?.pieces.map((p) => p.start)).toEqual(heard.map((p) => p.start));
    expect((await getSpeakers('talk'))?.turns).toHaveLength(WINDOWS);
    const row = (await listStages('talk')).find((s) => s.stage === 'speakers');
    expect(row?.stats.resumedWindows).toBe(10);
  });

  it('starts afresh when not resuming, whatever an old checkpoint says', async () => {
    await saveSpeakerCheckpoint('talk', { windows: 10, pieces: [pieceOf(0)] }, LINEAGE);
    await runSpeakersStage(long, new AbortController().signal);
    expect(requests[0]?.resumed).toBeUndefined();
  });
});
