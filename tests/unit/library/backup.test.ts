import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Dexie } from 'dexie';
import { db, deleteVideoRows, listVideos, readVideoRows } from '../../../src/db';
import {
  BackupTooLargeError,
  readArchive,
  writeArchive,
} from '../../../src/library/backup/archive-format';
import { exportBackup, importBackup } from '../../../src/library/backup/backup-library';
import { executeTool } from '../../../src/tools/registry';
import { seedCity, testContext } from '../tools/seeded-library';
import { mp4Bytes } from '../db/video-fixture';

/** Tool calls whose answers a restored library must reproduce exactly. */
const CALLS: [string, object][] = [
  ['find_object', { label: 'people' }],
  ['search_transcript', { query: 'public transport' }],
  ['search_frames', { query: 'a bus' }],
  ['search_on_screen_text', { query: 'public transport' }],
  ['get_context_at', { t: 25 }],
  ['get_video_overview', {}],
];

const answers = () =>
  Promise.all(CALLS.map(([name, args]) => executeTool(name, args, testContext(db))));

async function emptyLibrary() {
  for (const video of await listVideos()) await deleteVideoRows(video.id);
}

describe('archive format', () => {
  it('round-trips JSON with Blobs and Int8Arrays inside', async () => {
    const content = {
      a: [1, 'x', null],
      blob: new Blob(['hello'], { type: 'text/plain' }),
      v: Int8Array.from([-128, 0, 127]),
    };
    const back = (await readArchive(writeArchive(content))) as typeof content;
    expect(back.a).toEqual([1, 'x', null]);
    expect(await back.blob.text()).toBe('hello');
    // The type a manifest claims is not trusted: readers type the bytes themselves.
    expect(back.blob.type).toBe('');
    expect(Array.from(back.v)).toEqual([-128, 0, 127]);
  });

  it('refuses other files and cut-short backups in plain words', async () => {
    await expect(readArchive(new Blob(['not a backup at all']))).rejects.toThrow(
      'This file is not a BRI backup (.bri).',
    );
    const whole = writeArchive({ blob: new Blob([new Uint8Array(1000)]) });
    await expect(readArchive(whole.slice(0, whole.size - 10))).rejects.toThrow(/cut short/);
  });

  it('never writes what it would refuse to read: an index past the limit is refused up front', async () => {
    const content = { transcript: Array.from({ length: 200 }, (_, i) => `line ${i} “é”`) };
    const limit = 2000;
    expect(() => writeArchive(content, limit)).toThrow(BackupTooLargeError);
    expect(() => writeArchive(content, limit)).toThrow(/Nothing was saved\. Back up fewer videos/);
    // Just within the limit: written, and read back whole at the same limit.
    const fits = { transcript: content.transcript.slice(0, 40) };
    const written = writeArchive(fits, limit);
    expect(await readArchive(written, limit)).toEqual(fits);
    // Multi-byte characters count as the bytes they take.
    const wide = { text: 'é'.repeat(1200) };
    expect(() => writeArchive(wide, limit)).toThrow(BackupTooLargeError);
  });
});

describe('backup and restore', () => {
  beforeEach(async () => {
    await emptyLibrary();
    await seedCity(db);
    await db.videoBlobs.put({ videoId: 'city', blob: new Blob([mp4Bytes()]) });
  });
  afterEach(emptyLibrary);

  it('restores every row and the file into an empty library, and the tools answer the same', async () => {
    const before = await answers();
    const rowsBefore = await readVideoRows('city');
    const backup = await exportBackup();
    await emptyLibrary();
    expect(await listVideos()).toEqual([]);

    expect(await importBackup(backup)).toEqual({
      imported: [{ id: 'city', name: 'city.mp4' }],
      skipped: [],
    });
    expect(await answers()).toEqual(before);
    const rowsAfter = await readVideoRows('city');
    expect(Object.keys(rowsAfter)).toEqual(Object.keys(rowsBefore));
    for (const table of Object.keys(rowsBefore) as (keyof typeof rowsBefore)[]) {
      expect(rowsAfter[table].length, table).toBe(rowsBefore[table].length);
    }
    const restored = (await db.videoBlobs.get('city'))?.blob;
    expect(new Uint8Array((await restored?.arrayBuffer()) ?? [])).toEqual(mp4Bytes());
    expect(restored?.type).toBe('video/mp4');
  });

  it('skips a video already in the library, and restores half-done stages as stopped', async () => {
    await db.stages.update(['city', 'captions'], { state: 'running' });
    const backup = await exportBackup(['city']);
    expect(await importBackup(backup)).toEqual({
      imported: [],
      skipped: [{ id: 'city', name: 'city.mp4', reason: '“city.mp4” is already in your library.' }],
    });
    await emptyLibrary();
    await importBackup(backup);
    expect(await db.stages.get(['city', 'captions'])).toMatchObject({
      state: 'cancelled',
      detail: 'Stopped when the backup was made: choose “Analyse again” to finish it.',
    });
  });

  it('restores nothing of a video whose rows fail their checks', async () => {
    const backup = await exportBackup();
    const content = (await readArchive(backup)) as {
      videos: { rows: { captions: { confidence: number }[] } }[];
    };
    content.videos[0]!.rows.captions[3]!.confidence = 2;
    await emptyLibrary();
    const result = await importBackup(writeArchive(content));
    expect(result.imported).toEqual([]);
    expect(result.skipped[0]?.reason).toMatch(/^A captions row was not saved: confidence/);
    expect(await listVideos()).toEqual([]);
    expect(await db.frames.count()).toBe(0);
    expect(await db.videoBlobs.count()).toBe(0);
  });

  it('refuses a .bri of another format version without touching the library', async () => {
    const content = (await readArchive(await exportBackup())) as { version: number };
    content.version = 99;
    await expect(importBackup(writeArchive(content))).rejects.toThrow(
      'This backup was made by a different version of BRI, or it is damaged: nothing was imported.',
    );
    expect((await listVideos()).map((v) => v.id)).toEqual(['city']);
  });
});

/** A backup's content as readArchive gives it back, loosely typed for tampering. */
interface Tampered {
  parts?: unknown;
  videos: {
    video: Record<string, unknown>;
    file: Blob;
    rows: Record<string, Record<string, unknown>[]>;
  }[];
}

describe('restoring a backup from someone else', () => {
  beforeEach(async () => {
    await emptyLibrary();
    for (const id of ['city', 'city-2']) {
      await seedCity(db, { id, createdAt: id === 'city' ? 2 : 3 });
      await db.videoBlobs.put({ videoId: id, blob: new Blob([mp4Bytes()]) });
    }
  });
  afterEach(emptyLibrary);

  /** Exports both videos, lets `tamper` change the second, and empties the library. */
  async function tamperedBackup(tamper: (video: Tampered['videos'][number]) => void) {
    const content = (await readArchive(await exportBackup(['city', 'city-2']))) as Tampered;
    const victim = content.videos[1];
    if (!victim) throw new Error('expected two videos');
    tamper(victim);
    await emptyLibrary();
    return writeArchive(content);
  }

  /** Restores, expecting city in and city-2 skipped; returns the skip reason. */
  async function restoreSkippingSecond(backup: Blob): Promise<string> {
    const result = await importBackup(backup);
    expect(result.imported.map((v) => v.id)).toEqual(['city']);
    expect(result.skipped).toHaveLength(1);
    expect((await listVideos()).map((v) => v.id)).toEqual(['city']);
    expect(await db.frames.where('videoId').equals('city-2').count()).toBe(0);
    expect(await db.videoBlobs.get('city-2')).toBeUndefined();
    return result.skipped[0]?.reason ?? '';
  }

  it.each<[string, (video: Tampered['videos'][number]) => void, RegExp]>([
    ['createdAt 1e300', (v) => (v.video.createdAt = 1e300), /record is damaged \(createdAt — /],
    ['the library chat’s id', (v) => (v.video.id = '*'), /record is damaged \(id — an id must be/],
    ['an id with a path in it', (v) => (v.video.id = '../videos/x'), /record is damaged \(id/],
    ['a negative size', (v) => (v.video.size = -1), /record is damaged \(size/],
    ['a 10-hour claim', (v) => (v.video.duration = 1e9), /record is damaged \(duration/],
    [
      'a chat turn whose answer is a number',
      (v) => (v.rows.chatTurns = [{ ...CHAT_TURN, answer: 42 }]),
      /A chatTurns record was not saved: answer/,
    ],
    [
      'a stage of a kind BRI doesn’t have',
      (v) => v.rows.stages?.push({ ...v.rows.stages[0], stage: 'mining' }),
      /A stages record was not saved: stage/,
    ],
    [
      'a poster that is an HTML page',
      (v) =>
        (v.rows.posters![0]!.blob = new Blob(['<script>alert(1)</script>'], { type: 'text/html' })),
      /a poster in the backup is not an image/,
    ],
    [
      'a file that isn’t the video',
      (v) => (v.file = new Blob([new Uint8Array(1000)])),
      /its file in the backup is not the MP4 video its record describes/,
    ],
    [
      'a file of another size',
      (v) => (v.file = new Blob([mp4Bytes(900)])),
      /its file in the backup is 900 bytes, but the video was 1000/,
    ],
  ])('skips a video with %s; the others restore', async (_, tamper, reason) => {
    expect(await restoreSkippingSecond(await tamperedBackup(tamper))).toMatch(reason);
  });

  it('types images from their bytes, never from the type the backup claims', async () => {
    const backup = await tamperedBackup((v) => {
      const poster = v.rows.posters![0]!;
      poster.blob = new Blob([poster.blob as Blob], { type: 'text/html' });
    });
    await importBackup(backup);
    expect((await db.posters.get('city-2'))?.blob.type).toBe('image/webp');
    expect((await db.frames.where('videoId').equals('city-2').first())?.blob.type).toBe(
      'image/webp',
    );
  });

  // JSON has no NaN: JSON.stringify writes a NaN size as null.
  it.each([-1, null, 1.5, 1e300, '12'])('refuses a backup with a part of size %s', async (size) => {
    const content = await readArchive(await exportBackup());
    const archive = writeArchive(content);
    const manifest = await readManifest(archive);
    (manifest.parts[0] as { size: unknown }).size = size;
    await emptyLibrary();
    await expect(importBackup(await withManifest(archive, manifest))).rejects.toThrow(
      'The backup file is damaged (a part has an impossible size).',
    );
    expect(await listVideos()).toEqual([]);
  });

  it('runs two restores of one file one after the other: one restores, one skips, the file stays', async () => {
    const backup = await exportBackup(['city']);
    await emptyLibrary();
    const [a, b] = await Promise.all([importBackup(backup), importBackup(backup)]);
    expect([...a.imported, ...b.imported].map((v) => v.id)).toEqual(['city']);
    expect([...a.skipped, ...b.skipped].map((v) => v.reason)).toEqual([
      '“city.mp4” is already in your library.',
    ]);
    expect(new Uint8Array(await (await db.videoBlobs.get('city'))!.blob.arrayBuffer())).toEqual(
      mp4Bytes(),
    );
  });

  it('stops at a cancel between videos, keeping each video whole', async () => {
    const backup = await exportBackup(['city', 'city-2']);
    await emptyLibrary();
    const controller = new AbortController();
    controller.abort(new DOMException('Cancelled by the user', 'AbortError'));
    await expect(importBackup(backup, controller.signal)).rejects.toThrow('Cancelled by the user');
    expect(await listVideos()).toEqual([]);
  });

  it('IndexedDB running out of space mid-restore (as Dexie wraps it) is said plainly; nothing is kept', async () => {
    const backup = await exportBackup(['city']);
    await emptyLibrary();
    // What Dexie rejects with when the browser aborts a transaction for quota: an AbortError
    // with the DOMException inside.
    const full = () => {
      const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      throw new Dexie.AbortError('Transaction aborted', quota);
    };
    db.captions.hook('creating', full);
    try {
      await expect(importBackup(backup)).rejects.toThrow(
        /There isn't enough space to restore “city.mp4”. Free some space/,
      );
    } finally {
      db.captions.hook('creating').unsubscribe(full);
    }
    expect(await listVideos()).toEqual([]);
    expect(await db.frames.count()).toBe(0);
  });

  it('checks free space before writing anything', async () => {
    const backup = await exportBackup(['city', 'city-2']);
    await emptyLibrary();
    vi.stubGlobal('navigator', {
      storage: { estimate: () => Promise.resolve({ usage: 0, quota: 1_000_000 }) },
    });
    try {
      await expect(importBackup(backup)).rejects.toThrow(
        /There isn't enough space to restore this backup: its videos need 2.0 KB but only 1.0 MB is free/,
      );
    } finally {
      vi.unstubAllGlobals();
    }
    expect(await listVideos()).toEqual([]);
  });
});

const CHAT_TURN = {
  videoId: 'city-2',
  question: 'what is here?',
  answer: 'a bus',
  citations: [],
  toolCalls: [],
  suggestions: [],
  mode: 'tools',
  createdAt: 5,
};

/** The JSON table of contents of a .bri Blob. */
async function readManifest(archive: Blob): Promise<{ parts: { size: number }[]; body: unknown }> {
  const length = new DataView(await archive.slice(8, 12).arrayBuffer()).getUint32(0, true);
  return JSON.parse(await archive.slice(12, 12 + length).text()) as {
    parts: { size: number }[];
    body: unknown;
  };
}

/** The same archive's parts under another table of contents. */
async function withManifest(archive: Blob, manifest: object): Promise<Blob> {
  const oldLength = new DataView(await archive.slice(8, 12).arrayBuffer()).getUint32(0, true);
  const bytes = new TextEncoder().encode(JSON.stringify(manifest));
  const header = new Uint8Array(12);
  header.set(new TextEncoder().encode('BRIINDEX'));
  new DataView(header.buffer).setUint32(8, bytes.length, true);
  return new Blob([header, bytes, archive.slice(12 + oldLength)]);
}
