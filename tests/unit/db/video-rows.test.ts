import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BriDatabase,
  addVideo,
  deleteVideoRows,
  getPoster,
  getVideoBlob,
  listVideoIds,
  listVideos,
  addChatTurn,
  listChatTurns,
  putToolResult,
  wipeConversation,
  VideoGoneError,
  LIBRARY_SCOPE,
  type ChatTurnRecord,
} from '../../../src/db';
import { poster, video } from './video-fixture';

/** A stored chat turn of `videoId`'s conversation. */
const turn = (
  videoId: string,
  answer: string,
  citations: ChatTurnRecord['citations'] = [],
): Omit<ChatTurnRecord, 'id'> => ({
  videoId,
  question: 'q',
  answer,
  citations,
  toolCalls: [],
  suggestions: [],
  mode: 'tools',
  createdAt: 1,
});

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

  it('a delete also takes the library-wide rows that cite or name it, and nothing else', async () => {
    await addVideo(video('alpha', 1), poster('alpha'), null, db);
    await addVideo(video('beta', 2), poster('beta'), null, db);
    const library = (answer: string, cited: string[]) =>
      turn(
        LIBRARY_SCOPE,
        answer,
        cited.map((id) => ({ video_id: id, t: 1, label: '[00:01]' })),
      );
    await addChatTurn(library('In beta at [00:01].', ['beta']), db);
    await addChatTurn(library('In alpha at [00:01].', ['alpha']), db);
    await addChatTurn(library('It is alpha.mp4, not a bus.', []), db);
    await putToolResult(
      { videoId: LIBRARY_SCOPE, call: 'x', version: '1', result: {}, createdAt: 1 },
      db,
    );
    await putToolResult({ videoId: 'beta', call: 'x', version: '1', result: {}, createdAt: 1 }, db);
    await deleteVideoRows('alpha', db);
    expect((await listChatTurns(LIBRARY_SCOPE, db)).map((t) => t.answer)).toEqual([
      'In beta at [00:01].',
    ]);
    expect((await db.toolResults.toArray()).map((r) => r.videoId)).toEqual(['beta']);
  });

  it('refuses a turn about a video deleted while its answer was written', async () => {
    await expect(addChatTurn(turn('gone', 'a'), db)).rejects.toThrow(VideoGoneError);
    expect(await db.chatTurns.count()).toBe(0);
  });

  it('wiping a conversation takes the tool results its questions cached', async () => {
    await addVideo(video('a', 1), poster('a'), null, db);
    await addChatTurn(turn('a', 'a'), db);
    await putToolResult(
      {
        videoId: 'a',
        call: 'search_transcript {"query":"my secret"}',
        version: '1',
        result: {},
        createdAt: 1,
      },
      db,
    );
    await putToolResult(
      { videoId: LIBRARY_SCOPE, call: 'y', version: '1', result: {}, createdAt: 1 },
      db,
    );
    expect(await wipeConversation('a', db)).toBe(1);
    expect((await db.toolResults.toArray()).map((r) => r.videoId)).toEqual([LIBRARY_SCOPE]);
  });

  it('reports a delete of a missing video as false', async () => {
    expect(await deleteVideoRows('missing', db)).toBe(false);
  });
});
