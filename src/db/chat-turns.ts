import { db as defaultDb } from './connection';
import type { BriDatabase, ChatTurnRecord } from './schema';

/** Adds a turn to a conversation; resolves with its id. */
export function addChatTurn(
  turn: Omit<ChatTurnRecord, 'id'>,
  database: BriDatabase = defaultDb,
): Promise<number> {
  return database.chatTurns.add(turn) as Promise<number>;
}

/** A conversation in order (oldest first). */
export function listChatTurns(
  videoId: string,
  database: BriDatabase = defaultDb,
): Promise<ChatTurnRecord[]> {
  return database.chatTurns
    .where('[videoId+createdAt]')
    .between([videoId, -Infinity], [videoId, Infinity])
    .toArray();
}

/** Wipes a conversation ("wipe memory"); resolves with how many turns went. */
export function deleteChatTurns(
  videoId: string,
  database: BriDatabase = defaultDb,
): Promise<number> {
  return database.chatTurns.where('videoId').equals(videoId).delete();
}
