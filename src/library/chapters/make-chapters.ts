import { AgentError } from '../../agent/agent-errors';
import { askGroqForChapters, type ChapterData } from '../../agent/chapter-request';
import { NotJsonError } from '../../agent/groq-json';
import {
  db as defaultDb,
  getVideo,
  listCaptions,
  listScenes,
  listTextRanges,
  listTranscript,
  saveChapters,
  type BriDatabase,
} from '../../db';
import { logEvent } from '../../diagnostics/session-log';
import { readSettings, type Settings } from '../../settings/settings';
import type { Chapter } from './scene-chapters';
import { checkChapters } from './check-chapters';
import { chaptersFromSlides, type ChapterEvidence } from './slide-chapters';

/** The chapters made, who made them, and anything the person should know about how. */
export interface MadeChapters {
  chapters: Chapter[];
  madeBy: 'groq' | 'scenes';
  /** E.g. why Groq's chapters were not used; null when all went as asked. */
  note: string | null;
}

/** The index holds nothing to make chapters from yet (no scenes, no transcript). */
export class NothingToChapterError extends Error {
  override name = 'NothingToChapterError';
}

/** Groq's chapters are used only if this many survive the check against the index. */
const MIN_CHECKED_CHAPTERS = 2;

export interface MakeChaptersOptions {
  signal?: AbortSignal;
  database?: BriDatabase;
  settings?: () => Settings;
  online?: () => boolean;
}

async function readEvidence(videoId: string, database: BriDatabase) {
  const video = await getVideo(videoId, database);
  if (!video) throw new Error(`No video with id ${videoId}`);
  const [scenes, texts, transcript, captions] = await Promise.all([
    listScenes(videoId, database),
    listTextRanges(videoId, database),
    listTranscript(videoId, database),
    listCaptions(videoId, database),
  ]);
  const evidence: ChapterEvidence = {
    duration: video.duration,
    scenes: scenes.map(({ start, end }) => ({ start, end })),
    texts: texts.map(({ text, start, end }) => ({ text, start, end })),
    transcript: transcript.map(({ start, text }) => ({ start, text })),
    captions: captions.map(({ t, caption }) => ({ t, caption })),
  };
  return evidence;
}

/** Seconds to a tenth: what a chapter start needs, and fewer tokens than 17 digits. */
const tenth = (t: number) => Math.round(t * 10) / 10;

function chapterData(evidence: ChapterEvidence): ChapterData {
  return {
    duration: tenth(evidence.duration),
    scenes: evidence.scenes.map((s) => ({
      start: tenth(s.start),
      end: tenth(s.end),
      caption: evidence.captions.find((c) => c.t >= s.start && c.t < s.end)?.caption ?? '',
    })),
    transcript: evidence.transcript
      .filter((l) => l.text.trim())
      .map((l) => ({ start: tenth(l.start), text: l.text })),
    on_screen_text: evidence.texts
      .filter((t) => t.text.trim())
      .map((t) => ({ start: tenth(t.start), end: tenth(t.end), text: t.text })),
  };
}

/** Groq's chapters, checked against the index; null (with why) when they can't be used. */
async function chaptersFromGroq(
  evidence: ChapterEvidence,
  settings: Settings,
  signal?: AbortSignal,
): Promise<{ chapters: Chapter[]; model: string } | { why: string }> {
  try {
    const { chapters, model } = await askGroqForChapters(settings, chapterData(evidence), signal);
    const moments = [
      ...evidence.scenes.map((s) => s.start),
      ...evidence.transcript.map((l) => l.start),
      ...evidence.texts.map((t) => t.start),
    ];
    const checked = checkChapters(chapters, { duration: evidence.duration, moments });
    if (checked.chapters.length < MIN_CHECKED_CHAPTERS)
      return {
        why: `Groq's chapters didn't match moments in the video (${checked.dropped} left out)`,
      };
    return { chapters: checked.chapters, model };
  } catch (error) {
    if (signal?.aborted) throw error;
    if (error instanceof AgentError || error instanceof NotJsonError) return { why: error.message };
    throw error;
  }
}

/**
 * "Make chapters": with a Groq key and a connection, one call over the scenes, the transcript
 * and the on-screen text, its chapters checked against the index; without (or when Groq fails
 * or answers with chapters that aren't in the video), from the scene cuts and slide text. The
 * chapters replace the video's stored ones.
 */
export async function makeChapters(
  videoId: string,
  options: MakeChaptersOptions = {},
): Promise<MadeChapters> {
  const database = options.database ?? defaultDb;
  const settings = (options.settings ?? readSettings)();
  const online = (options.online ?? (() => navigator.onLine))();
  const evidence = await readEvidence(videoId, database);
  if (evidence.scenes.length === 0 && !evidence.transcript.some((l) => l.text.trim()))
    throw new NothingToChapterError(
      'Chapters are made from the scenes and what is said, and neither is analysed yet. Let the analysis run (or start it), then try again.',
    );
  let made: MadeChapters | null = null;
  let model: string | undefined;
  let note: string | null = null;
  if (settings.groqApiKey && online) {
    const fromGroq = await chaptersFromGroq(evidence, settings, options.signal);
    if ('chapters' in fromGroq) {
      made = { chapters: fromGroq.chapters, madeBy: 'groq', note: null };
      model = fromGroq.model;
    } else note = `${fromGroq.why}. These chapters come from the scenes and slides instead.`;
  }
  made ??= { chapters: chaptersFromSlides(evidence), madeBy: 'scenes', note };
  options.signal?.throwIfAborted();
  const createdAt = Date.now();
  await saveChapters(
    videoId,
    made.chapters.map((c) => ({
      ...c,
      madeBy: made.madeBy,
      createdAt,
      ...(model ? { model } : {}),
    })),
    database,
  );
  logEvent({
    level: note ? 'warn' : 'info',
    component: 'library',
    videoId,
    message: `chapters made (${made.madeBy}): ${made.chapters.length}${note ? `; ${note}` : ''}`,
  });
  return made;
}
