import {
  db as defaultDb,
  getVideo,
  listCaptions,
  listChatTurns,
  listSpeechRegions,
  listTranscript,
  type BriDatabase,
  type VideoRecord,
} from '../../db';
import { overviewOf } from '../../tools/defs/get-video-overview';
import { exportBackup } from '../backup/backup-library';
import { chaptersFromScenes } from './chapters';
import { toNotesMarkdown } from './notes-markdown';
import { toSrt, toVtt } from './subtitles';

/** What a video can be exported as: subtitles, notes, or its whole index as a `.bri` backup. */
export type ExportFormat = 'srt' | 'vtt' | 'md' | 'index';

/** The video has no transcript to make subtitles from (yet, or because nothing is said). */
export class NothingToExportError extends Error {
  override name = 'NothingToExportError';
}

const MIME: Record<ExportFormat, string> = {
  srt: 'application/x-subrip',
  vtt: 'text/vtt',
  md: 'text/markdown',
  index: 'application/octet-stream',
};

async function subtitles(videoId: string, format: 'srt' | 'vtt', database: BriDatabase) {
  const segments = await listTranscript(videoId, database);
  if (!segments.some((s) => s.text.trim()))
    throw new NothingToExportError(
      'There is no transcript to make subtitles from yet: the speech has not been transcribed, or nothing is said.',
    );
  return format === 'srt' ? toSrt(segments) : toVtt(segments);
}

async function notes(video: VideoRecord, database: BriDatabase): Promise<string> {
  const videoId = video.id;
  const [overview, captions, transcript, speech, turns] = await Promise.all([
    overviewOf(video, database),
    listCaptions(videoId, database),
    listTranscript(videoId, database),
    listSpeechRegions(videoId, database),
    listChatTurns(videoId, database),
  ]);
  return toNotesMarkdown({
    name: video.name,
    duration: video.duration,
    language: overview.language,
    indexed: overview.indexed,
    topObjects: overview.top_objects,
    onScreenText: overview.on_screen_text,
    speechSeconds: speech.reduce((sum, r) => sum + r.end - r.start, 0),
    chapters: chaptersFromScenes(overview.scenes, video.duration, { captions, transcript }),
    turns,
    exportedAt: Date.now(),
  });
}

/** A video exported as subtitles (SRT, WebVTT), Markdown notes, or its index (a `.bri` backup). */
export async function exportVideo(
  videoId: string,
  format: ExportFormat,
  database: BriDatabase = defaultDb,
): Promise<Blob> {
  const video = await getVideo(videoId, database);
  if (!video) throw new Error(`No video with id ${videoId}`);
  switch (format) {
    case 'srt':
    case 'vtt':
      return new Blob([await subtitles(videoId, format, database)], { type: MIME[format] });
    case 'md':
      return new Blob([await notes(video, database)], { type: MIME.md });
    case 'index':
      return exportBackup([videoId]);
    default:
      // Automation passes whatever a script wrote.
      throw new Error(`Unknown export format ${String(format satisfies never)}`);
  }
}

/** `lecture.mp4` → `lecture.srt`: the name a download of the export gets. */
export function exportFileName(videoName: string, format: ExportFormat): string {
  const base = videoName.replace(/\.[^.]+$/, '') || 'video';
  return `${base}.${format === 'index' ? 'bri' : format}`;
}
