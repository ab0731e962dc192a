import { db as defaultDb } from './connection';
import type { BriDatabase, ChatTurnRecord } from './schema';
import { validateRecord } from './validate-rows';
import { videoRows } from './video-rows';
import { LIBRARY_SCOPE } from './tool-results';

/** The turn's video was deleted while the answer was being written: nothing is stored. */
export class VideoGoneError extends Error {
  override name = 'VideoGoneError';
}

/**
 * Adds a turn to a conversation; resolves with its id. A turn about a video that is gone (deleted
 * while the answer streamed) is refused in the same transaction, so no row outlives its video.
 */
export async function addChatTurn(
  turn: Omit<ChatTurnRecord, 'id'>,
  database: BriDatabase = defaultDb,
): Promise<number> {
  validateRecord('chatTurns', turn);
  return database.transaction('rw', [database.chatTurns, database.videos], async () => {
    if (turn.videoId !== LIBRARY_SCOPE && !(await database.videos.get(turn.videoId)))
      throw new VideoGoneError('The video was deleted while the answer was being written.');
    return (await database.chatTurns.add(turn)) as number;
  });
}

/** A conversation in order (oldest first). */
export function listChatTurns(
  videoId: string,
  database: BriDatabase = defaultDb,
): Promise<ChatTurnRecord[]> {
  return videoRows(database.chatTurns, '[videoId+createdAt]', videoId);
}

/**
 * Wipes a conversation ("wipe memory") and the cached tool results its questions made (their
 * keys hold the model's queries), in one transaction; resolves with how many turns went.
 */
export function wipeConversation(
  videoId: string,
  database: BriDatabase = defaultDb,
): Promise<number> {
  return database.transaction('rw', [database.chatTurns, database.toolResults], async () => {
    await database.toolResults.where('videoId').equals(videoId).delete();
    return database.chatTurns.where('videoId').equals(videoId).delete();
  });
}

/** One conversation in the history list: which video, how long, and its latest question. */
export interface ConversationSummary {
  videoId: string;
  turns: number;
  lastQuestion: string;
  lastAt: number;
}

/** Every stored conversation, most recent first (for the history panel). */
export async function listConversations(
  database: BriDatabase = defaultDb,
): Promise<ConversationSummary[]> {
  const byVideo = new Map<string, ConversationSummary>();
  await database.chatTurns.each((turn) => {
    const entry = byVideo.get(turn.videoId) ?? {
      videoId: turn.videoId,
      turns: 0,
      lastQuestion: '',
      lastAt: 0,
    };
    entry.turns++;
    if (turn.createdAt >= entry.lastAt) {
      entry.lastAt = turn.createdAt;
      entry.lastQuestion = turn.question;
    }
    byVideo.set(turn.videoId, entry);
  });
  return [...byVideo.values()].sort((a, b) => b.lastAt - a.lastAt);
}
