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
import { getSpeakers, speakersView } from './speaker-rows';
import { withSpeakers, type SpeakerTurn } from '../shared/speaker-turns';

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
    /** Who said it (a segment whose speaker changes is split at that word), or null. */
    speaker: number | null;
    /** 0, or which part of a split segment this is (the translation goes with part 0). */
    part: number;
  }[];
  /**
   * Who speaks when, once two or more voices were told apart (one voice: no turns, no labels),
   * and what the person calls them (speaker number → name).
   */
  speakers: { turns: SpeakerTurn[]; names: Record<string, string>; dismissed: string[] };
  /** Made by "Make chapters"; empty until then. */
  chapters: { start: number; end: number; title: string }[];
  /** Languages the transcript has been translated into. */
  languages: string[];
}

async function readTimelineRows(videoId: string, database: BriDatabase) {
  const [scenes, speech, objects, texts, transcript, chapters, languages, speakers] =
    await Promise.all([
      listScenes(videoId, database),
      listSpeechRegions(videoId, database),
      listObjectTracks(videoId, database),
      listTextRanges(videoId, database),
      listTranscript(videoId, database),
      listChapters(videoId, database),
      listTranslationLanguages(videoId, database),
      getSpeakers(videoId, database),
    ]);
  const turns = speakers && speakers.speakers >= 2 ? speakers.turns : [];
  const keyed = transcript.map((s) => ({ ...s, key: segmentKey(s) }));
  let previousKey = '';
  let part = 0;
  return {
    scenes: scenes.map(({ index, start, end }) => ({ index, start, end })),
    speech: speech.map(({ start, end }) => ({ start, end })),
    objects: objects.map(({ label, start, end, maxScore }) => ({ label, start, end, maxScore })),
    texts: texts.map(({ text, start, end }) => ({ text, start, end })),
    transcript: withSpeakers(keyed, turns).map((s) => {
      part = s.key === previousKey ? part + 1 : 0;
      previousKey = s.key;
      return {
        key: s.key,
        start: s.start,
        end: s.end,
        text: s.text,
        words: [...(s.words ?? [])],
        speaker: s.speaker,
        part,
      };
    }),
    speakers: { turns, names: speakers?.names ?? {}, dismissed: speakers?.dismissed ?? [] },
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

/**
 * Who speaks at `t` in a video (by the person's name for them), now and again after a rename or
 * a re-run; null where nobody was told apart. Returns the unsubscribe.
 */
export function watchSpeakerAt(
  videoId: string,
  t: number,
  onName: (name: string | null) => void,
  database: BriDatabase = defaultDb,
): () => void {
  const read = async () => (await speakersView(videoId, database)).nameAt(t, t + 1);
  const subscription = liveQuery(read).subscribe({ next: onName, error: () => onName(null) });
  return () => subscription.unsubscribe();
}
