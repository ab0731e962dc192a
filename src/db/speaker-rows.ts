import { db as defaultDb } from './connection';
import type { BriDatabase, SpeakerCheckpoint, SpeakersRecord } from './schema';
import { validateRecord } from './validate-rows';
import { clearToolResults } from './tool-results';
import { speakerName, speakerOf, type SpeakerTurn } from '../shared/speaker-turns';

/**
 * A video's speakers as everything that names them reads them: the turns once two or more
 * voices were told apart (one voice: none, so nothing is labelled), and `nameAt` — who speaks
 * over a stretch, by the person's name for them, or null.
 */
export interface SpeakersView {
  turns: SpeakerTurn[];
  names: Record<string, string>;
  nameOf: (speaker: number) => string;
  nameAt: (start: number, end: number) => string | null;
  /** The speaker `asked` names ("Dana", "Speaker 2", "2", "second"), or null. */
  find: (asked: string) => number | null;
  numberAt: (start: number, end: number) => number | null;
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'];

export async function speakersView(
  videoId: string,
  database: BriDatabase = defaultDb,
): Promise<SpeakersView> {
  const row = await database.speakers.get(videoId);
  const turns = row && row.speakers >= 2 ? row.turns : [];
  const names = row?.names ?? {};
  const nameOf = (speaker: number) => speakerName(speaker, names);
  return {
    turns,
    names,
    nameOf,
    nameAt: (start, end) => {
      const speaker = speakerOf(turns, start, end);
      return speaker === null ? null : nameOf(speaker);
    },
    numberAt: (start, end) => speakerOf(turns, start, end),
    find: (asked) => {
      const wanted = asked.trim().toLowerCase();
      const speakers = [...new Set(turns.map((t) => t.speaker))];
      const byName = speakers.find((s) => nameOf(s).toLowerCase() === wanted);
      if (byName !== undefined) return byName;
      const bare = wanted.replace(/\bspeaker\b/, '').trim();
      const number = ORDINALS.indexOf(bare) + 1 || Number(bare) || null;
      return number !== null && speakers.includes(number) ? number : null;
    },
  };
}

/** Who speaks when in a video, or undefined before the speakers stage has run. */
export function getSpeakers(
  videoId: string,
  database: BriDatabase = defaultDb,
): Promise<SpeakersRecord | undefined> {
  return database.speakers.get(videoId);
}

/**
 * Stores the speakers stage's result. The names the person gave and the suggestions they turned
 * down stay (speakers are numbered by first appearance, so a run again numbers them alike).
 */
export async function saveSpeakerTurns(
  row: Omit<SpeakersRecord, 'names' | 'dismissed'>,
  database: BriDatabase = defaultDb,
): Promise<SpeakersRecord> {
  return database.transaction('rw', database.speakers, database.toolResults, async () => {
    const kept = await database.speakers.get(row.videoId);
    // The finished result replaces the checkpoint the run kept.
    const next = { ...row, names: kept?.names ?? {}, dismissed: kept?.dismissed ?? [] };
    validateRecord('speakers', next);
    await database.speakers.put(next);
    await clearToolResults(row.videoId, database);
    return next;
  });
}

/** The windows a running speakers stage has heard so far, or none (a fresh run). */
export async function getSpeakerCheckpoint(
  videoId: string,
  database: BriDatabase = defaultDb,
): Promise<SpeakerCheckpoint | null> {
  return (await database.speakers.get(videoId))?.checkpoint ?? null;
}

/**
 * Keeps what the speakers stage has heard so far (a fresh run starts with `null`, which drops an
 * old checkpoint). The row's turns and names stay as they are until the stage finishes.
 */
export async function saveSpeakerCheckpoint(
  videoId: string,
  checkpoint: SpeakerCheckpoint | null,
  lineage: SpeakersRecord['lineage'],
  database: BriDatabase = defaultDb,
): Promise<void> {
  await database.transaction('rw', database.speakers, async () => {
    const kept = await database.speakers.get(videoId);
    const base = kept ?? { videoId, turns: [], speakers: 0, names: {}, dismissed: [], lineage };
    const next: SpeakersRecord = { ...base };
    if (checkpoint) next.checkpoint = checkpoint;
    else delete next.checkpoint;
    validateRecord('speakers', next);
    await database.speakers.put(next);
  });
}

export class UnknownSpeakerError extends Error {
  override name = 'UnknownSpeakerError';
}

/**
 * Names speaker `speaker` of a video everywhere at once (transcript, timeline, exports, answers
 * read the name from here); an empty name gives back "Speaker N".
 */
export async function renameSpeaker(
  videoId: string,
  speaker: number,
  name: string,
  database: BriDatabase = defaultDb,
): Promise<SpeakersRecord> {
  return database.transaction('rw', database.speakers, database.toolResults, async () => {
    const row = await database.speakers.get(videoId);
    if (!row || !row.turns.some((turn) => turn.speaker === speaker))
      throw new UnknownSpeakerError(`This video has no speaker ${speaker}.`);
    const names = { ...row.names };
    const trimmed = name.trim();
    if (trimmed) names[speaker] = trimmed;
    else delete names[speaker];
    const next = { ...row, names };
    validateRecord('speakers', next);
    await database.speakers.put(next);
    // Cached tool results name the speakers as they were called.
    await clearToolResults(videoId, database);
    return next;
  });
}

/** Remembers that the person said no to naming `speaker` `name`. */
export async function dismissSpeakerName(
  videoId: string,
  speaker: number,
  name: string,
  database: BriDatabase = defaultDb,
): Promise<void> {
  await database.transaction('rw', database.speakers, async () => {
    const row = await database.speakers.get(videoId);
    if (!row) return;
    const key = `${speaker}:${name}`;
    if (!row.dismissed.includes(key))
      await database.speakers.put({ ...row, dismissed: [...row.dismissed, key] });
  });
}
