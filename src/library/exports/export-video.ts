import {
  db as defaultDb,
  getVideo,
  listCaptions,
  listChapters,
  listChatTurns,
  listSpeechRegions,
  listTextRanges,
  listTranscript,
  listTranslation,
  segmentKey,
  speakersView,
  translationOf,
  type BriDatabase,
  type VideoRecord,
} from '../../db';
import { overviewOf } from '../../tools/defs/get-video-overview';
import { exportBackup } from '../backup/backup-library';
import { toChapterList, toVttChapters } from '../chapters/chapter-formats';
import { makeChapters } from '../chapters/make-chapters';
import { chaptersFromSlides } from '../chapters/slide-chapters';
import type { Chapter } from '../chapters/scene-chapters';
import { toNotesMarkdown } from './notes-markdown';
import { exportSlides } from './slides-deck';
import { languageName } from '../translation/translate-video';
import { toSrt, toVtt } from './subtitles';
import { speakingTime, withSpeakers } from '../../shared/speaker-turns';

import type { ExportFormat } from '../../shared/export-formats';

export type { ExportFormat };

/** The video has no transcript to make subtitles from (yet, or because nothing is said). */
export class NothingToExportError extends Error {
  override name = 'NothingToExportError';
}

const MIME: Record<ExportFormat, string> = {
  srt: 'application/x-subrip',
  vtt: 'text/vtt',
  md: 'text/markdown',
  chapters: 'text/vtt',
  'chapter-list': 'text/plain',
  slides: 'text/html',
  index: 'application/octet-stream',
};

/** Options of an export: the language of the subtitles (a translation made before). */
export interface ExportOptions {
  language?: string;
}

/**
 * The transcript's lines in a language it was translated into, at the lines' own times. A
 * translation that is not finished (or whose transcript changed since) is refused in words, not
 * exported with holes.
 */
async function translatedCues(videoId: string, language: string, database: BriDatabase) {
  const name = languageName(language);
  const segments = (await listTranscript(videoId, database)).filter((s) => s.text.trim());
  const rows = new Map((await listTranslation(videoId, name, database)).map((r) => [r.key, r]));
  const cues = segments.map((s) => {
    const text = translationOf(rows, { key: segmentKey(s), text: s.text });
    return text === null ? null : { start: s.start, end: s.end, text };
  });
  const missing = cues.filter((c) => c === null).length;
  if (rows.size === 0)
    throw new NothingToExportError(
      `The transcript has not been translated into ${name}: translate it in the transcript tab first.`,
    );
  if (missing > 0)
    throw new NothingToExportError(
      `The ${name} translation is not finished (${segments.length - missing} of ${segments.length} lines): finish it in the transcript tab first.`,
    );
  return cues.filter((c) => c !== null);
}

async function subtitles(
  videoId: string,
  format: 'srt' | 'vtt',
  database: BriDatabase,
  language?: string,
) {
  const speakers = await speakersView(videoId, database);
  // Original lines are split where the speaker changes; a translated line takes whoever spoke most.
  const segments = language
    ? (await translatedCues(videoId, language, database)).map((cue) => ({
        ...cue,
        speaker: speakers.nameAt(cue.start, cue.end),
      }))
    : withSpeakers(await listTranscript(videoId, database), speakers.turns).map((s) => ({
        ...s,
        speaker: s.speaker === null ? null : speakers.nameOf(s.speaker),
      }));
  if (!segments.some((s) => s.text.trim()))
    throw new NothingToExportError(
      'There is no transcript to make subtitles from yet: the speech has not been transcribed, or nothing is said.',
    );
  return format === 'srt' ? toSrt(segments) : toVtt(segments);
}

/** The chapters made for the video; made now (and stored) if there are none yet. */
async function storedChapters(videoId: string, database: BriDatabase): Promise<Chapter[]> {
  const stored = await listChapters(videoId, database);
  if (stored.length > 0) return stored;
  return (await makeChapters(videoId, { database })).chapters;
}

async function notes(video: VideoRecord, database: BriDatabase): Promise<string> {
  const videoId = video.id;
  const [overview, captions, transcript, speech, turns, chapters, speakers] = await Promise.all([
    overviewOf(video, database),
    listCaptions(videoId, database),
    listTranscript(videoId, database),
    listSpeechRegions(videoId, database),
    listChatTurns(videoId, database),
    listChapters(videoId, database),
    speakersView(videoId, database),
  ]);
  return toNotesMarkdown({
    name: video.name,
    duration: video.duration,
    language: overview.language,
    indexed: overview.indexed,
    topObjects: overview.top_objects,
    onScreenText: overview.on_screen_text,
    speechSeconds: speech.reduce((sum, r) => sum + r.end - r.start, 0),
    // The chapters made for it, else the ones its scenes and slides give (nothing stored).
    chapters:
      chapters.length > 0
        ? chapters
        : chaptersFromSlides({
            duration: video.duration,
            scenes: overview.scenes,
            texts: await listTextRanges(videoId, database),
            captions,
            transcript,
          }),
    turns,
    speakers: speakingTime(speakers.turns).map((s) => ({ ...s, name: speakers.nameOf(s.speaker) })),
    exportedAt: Date.now(),
  });
}

/** A video exported as subtitles (SRT, WebVTT), Markdown notes, or its index (a `.bri` backup). */
export async function exportVideo(
  videoId: string,
  format: ExportFormat,
  options: ExportOptions = {},
  database: BriDatabase = defaultDb,
): Promise<Blob> {
  const video = await getVideo(videoId, database);
  if (!video) throw new Error(`No video with id ${videoId}`);
  switch (format) {
    case 'srt':
    case 'vtt':
      return new Blob([await subtitles(videoId, format, database, options.language)], {
        type: MIME[format],
      });
    case 'md':
      return new Blob([await notes(video, database)], { type: MIME.md });
    case 'chapters':
      return new Blob([toVttChapters(await storedChapters(videoId, database))], {
        type: MIME.chapters,
      });
    case 'chapter-list':
      return new Blob([toChapterList(await storedChapters(videoId, database))], {
        type: MIME['chapter-list'],
      });
    case 'slides':
      return new Blob([await exportSlides(video, database)], { type: MIME.slides });
    case 'index':
      return exportBackup([videoId]);
    default:
      // Automation passes whatever a script wrote.
      throw new Error(`Unknown export format ${String(format satisfies never)}`);
  }
}

/** `lecture.mp4` → `lecture.srt`: the name a download of the export gets. */
export function exportFileName(
  videoName: string,
  format: ExportFormat,
  options: ExportOptions = {},
): string {
  const base = videoName.replace(/\.[^.]+$/, '') || 'video';
  const extension: Record<ExportFormat, string> = {
    srt: 'srt',
    vtt: 'vtt',
    md: 'md',
    chapters: 'chapters.vtt',
    'chapter-list': 'chapters.txt',
    slides: 'slides.html',
    index: 'bri',
  };
  const language = options.language
    ? `.${languageName(options.language).replace(/[^\p{L}\p{N}-]+/gu, '-')}`
    : '';
  return `${base}${language}.${extension[format]}`;
}
