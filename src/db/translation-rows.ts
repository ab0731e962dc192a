import { Dexie } from 'dexie';
import { db as defaultDb } from './connection';
import type { BriDatabase, TranslationRecord } from './schema';
import { validateRecord } from './validate-rows';

/** A transcript segment's key within its video: the Whisper chunk it came from and its place. */
export const segmentKey = (segment: { chunkStart: number; index: number }): string =>
  `${segment.chunkStart}:${segment.index}`;

/**
 * The translation of a segment, if one is stored and still translates its current text (a
 * segment transcribed again needs translating again); null otherwise.
 */
export function translationOf(
  rows: ReadonlyMap<string, { source: string; text: string }> | null | undefined,
  segment: { key: string; text: string },
): string | null {
  const row = rows?.get(segment.key);
  return row && row.source === segment.text.trim() ? row.text : null;
}

/** A video's transcript in one language, in time order (empty when not translated). */
export async function listTranslation(
  videoId: string,
  language: string,
  database: BriDatabase = defaultDb,
): Promise<TranslationRecord[]> {
  const rows = await database.translations
    .where('[videoId+language]')
    .equals([videoId, language])
    .toArray();
  return rows.sort((a, b) => a.start - b.start || a.key.localeCompare(b.key));
}

/** The languages a video has been translated into (in part or whole), sorted. */
export async function listTranslationLanguages(
  videoId: string,
  database: BriDatabase = defaultDb,
): Promise<string[]> {
  const keys = (await database.translations
    .where('[videoId+language+key]')
    .between([videoId, Dexie.minKey, Dexie.minKey], [videoId, Dexie.maxKey, Dexie.maxKey])
    .keys()) as unknown as [string, string, string][];
  return [...new Set(keys.map(([, language]) => language))].sort();
}

/** Stores one translated batch, all of it or none (each row checked first). */
export async function putTranslations(
  rows: readonly TranslationRecord[],
  database: BriDatabase = defaultDb,
): Promise<void> {
  rows.forEach((row) => validateRecord('translations', row));
  await database.translations.bulkPut(rows as TranslationRecord[]);
}

/** Forgets a video's translation into one language; resolves with how many lines went. */
export function deleteTranslation(
  videoId: string,
  language: string,
  database: BriDatabase = defaultDb,
): Promise<number> {
  return database.translations.where('[videoId+language]').equals([videoId, language]).delete();
}
