import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BriDatabase,
  addVideo,
  deleteVideoRows,
  getPoster,
  getVideoBlob,
  listVideoIds,
  listVideos,
} from '../../../src/db';
import { poster, video } from './video-fixture';

describe('video rows', () => {
  let db: BriDatabase;
  beforeEach(() => {
    db = new BriDatabase(`test-${crypto.randomUUID()}`);
  });
  afterEach(() => db.delete());

  it('lists videos newest first', async () => {
    await addVideo(video('old', 1), poster('old'), null, db);
    await addVideo(video('new', 2), poster('new'), null, db);
    expect((await listVideos(db)).map((v) => v.id)).toEqual(['new', 'old']);
  });

  it('stores the poster and the IndexedDB copy of the file with the row', async () => {
    await addVideo(video('a', 1), poster('a'), new Blob(['bytes']), db);
    expect((await getPoster('a', db))?.width).toBe(480);
    expect(await (await getVideoBlob('a', db))?.text()).toBe('bytes');
  });

  it('writes nothing when the transaction fails part-way (duplicate id)', async () => {
    await addVideo(video('a', 1), poster('a'), null, db);
    await expect(addVideo(video('a', 2), poster('a'), new Blob(['other']), db)).rejects.toThrow();
    expect(await getVideoBlob('a', db)).toBeUndefined();
    expect((await listVideos(db)).map((v) => v.createdAt)).toEqual([1]);
  });

  it('deletes the video and every row it owns, leaving other videos alone', async () => {
    await addVideo(video('a', 1), poster('a'), new Blob(['a']), db);
    await addVideo(video('b', 2), poster('b'), new Blob(['b']), db);
    expect(await deleteVideoRows('a', db)).toBe(true);
    expect(await getPoster('a', db)).toBeUndefined();
    expect(await getVideoBlob('a', db)).toBeUndefined();
    expect([...(await listVideoIds(db))]).toEqual(['b']);
    expect(await getPoster('b', db)).toBeDefined();
  });

  it('reports a delete of a missing video as false', async () => {
    expect(await deleteVideoRows('missing', db)).toBe(false);
  });
});
