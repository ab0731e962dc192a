import { liveQuery } from 'dexie';
import { db as defaultDb } from './connection';
import {
  listObjectTracks,
  listScenes,
  listSpeechRegions,
  listTextRanges,
  listTranscript,
} from './media-index';
import { listChapters } from './chapter-rows';
import type { BriDatabase } from './schema';
import { listTranslation, listTranslationLanguages, segmentKey } from './translation-rows';

/** What the video view draws: the timeline's lanes and the transcript. */
export interface VideoTimelineRows {
  scenes: { index: number; start: number; end: number }[];
  speech: { start: number; end: number }[];
  objects: { label: string; start: number; end: number; maxScore: number }[];
  texts: { text: string; start: number; end: number }[];
  transcript: {
    /** The segment's key ("chunkStart:index"), as translations name it. */
    key: string;
    start: number;
    end: number;
    text: string;
    words: { text: string; start: number; end: number }[];
  }[];
  /** Made by "Make chapters"; empty until then. */
  chapters: { start: number; end: number; title: string }[];
  /** Languages the transcript has been translated into. */
  languages: string[];
}

async function readTimelineRows(videoId: string, database: BriDatabase) {
  const [scenes, speech, objects, texts, transcript, chapters, languages] = await Promise.all([
    listScenes(videoId, database),
    listSpeechRegions(videoId, database),
    listObjectTracks(videoId, database),
    listTextRanges(videoId, database),
    listTranscript(videoId, database),
    listChapters(videoId, database),
    listTranslationLanguages(videoId, database),
  ]);
  return {
    scenes: scenes.map(({ index, start, end }) => ({ index, start, end })),
    speech: speech.map(({ start, end }) => ({ start, end })),
    objects: objects.map(({ label, start, end, maxScore }) => ({ label, start, end, maxScore })),
    texts: texts.map(({ text, start, end }) => ({ text, start, end })),
    transcript: transcript.map((s) => ({
      key: segmentKey(s),
      start: s.start,
      end: s.end,
      text: s.text,
      words: s.words,
    })),
    chapters: chapters.map(({ start, end, title }) => ({ start, end, title })),
    languages,
  };
}

/**
 * Calls `onRows` with a video's timeline and transcript now and again whenever the analysis writes
 * to them (Dexie's liveQuery re-reads only when a write touches what was read), so the view fills
 * in while the video is being analysed. Returns the unsubscribe.
 */
export function watchTimelineRows(
  videoId: string,
  onRows: (rows: VideoTimelineRows) => void,
  onError: (error: unknown) => void,
  database: BriDatabase = defaultDb,
): () => void {
  const subscription = liveQuery(() => readTimelineRows(videoId, database)).subscribe({
    next: onRows,
    error: onError,
  });
  return () => subscription.unsubscribe();
}

/** One language's translated lines, now and whenever a batch lands. Returns the unsubscribe. */
export function watchTranslation(
  videoId: string,
  language: string,
  onRows: (rows: { key: string; source: string; text: string }[]) => void,
  onError: (error: unknown) => void,
  database: BriDatabase = defaultDb,
): () => void {
  const read = async () =>
    (await listTranslation(videoId, language, database)).map(({ key, source, text }) => ({
      key,
      source,
      text,
    }));
  const subscription = liveQuery(read).subscribe({ next: onRows, error: onError });
  return () => subscription.unsubscribe();
}
