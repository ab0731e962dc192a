import { askGroqToTranslate, type CueToTranslate } from '../../agent/translate-request';
import {
  db as defaultDb,
  getVideo,
  listTranscript,
  listTranslation,
  putTranslations,
  segmentKey,
  translationOf,
  type BriDatabase,
  type TranscriptSegmentRecord,
  type TranslationRecord,
} from '../../db';
import { redact } from '../../diagnostics/redact';
import { logEvent } from '../../diagnostics/session-log';
import { readSettings, type Settings } from '../../settings/settings';

/** Lines per Groq call, and characters: small enough for a free tier's per-minute tokens. */
export const BATCH_CUES = 40;
const BATCH_CHARS = 3500;
/** A batch the model answered only in part is asked again for the rest this many times. */
const RETRIES_FOR_MISSING = 1;

/** Translation can't start or finish: no key, offline, nothing said, the transcript kept back. */
export class TranslationError extends Error {
  override name = 'TranslationError';
}

export interface TranslationProgress {
  /** Lines translated into the language so far (stored), of `total`. */
  done: number;
  total: number;
}

export interface TranslateOptions {
  signal?: AbortSignal;
  onProgress?: (progress: TranslationProgress) => void;
  database?: BriDatabase;
  settings?: () => Settings;
  online?: () => boolean;
}

/** "French", "  french " → "French": one spelling per language, so its cache is found again. */
export function languageName(language: string): string {
  const name = language.replace(/\s+/g, ' ').trim();
  return name.charAt(0).toLocaleUpperCase() + name.slice(1);
}

/** Lines not translated yet (or whose transcript changed since), cut into batches. */
function batchesToDo(
  segments: readonly TranscriptSegmentRecord[],
  done: ReadonlyMap<string, TranslationRecord>,
): TranscriptSegmentRecord[][] {
  const todo = segments.filter(
    (s) => translationOf(done, { key: segmentKey(s), text: s.text }) === null,
  );
  const batches: TranscriptSegmentRecord[][] = [];
  let chars = 0;
  for (const segment of todo) {
    const batch = batches.at(-1);
    if (!batch || batch.length >= BATCH_CUES || chars + segment.text.length > BATCH_CHARS) {
      batches.push([segment]);
      chars = segment.text.length;
    } else {
      batch.push(segment);
      chars += segment.text.length;
    }
  }
  return batches;
}

function checkCanTranslate(settings: Settings, online: boolean): void {
  if (!settings.groqApiKey)
    throw new TranslationError('Translation uses Groq: add your Groq API key in Settings first.');
  if (!settings.shareWithGroq.transcript)
    throw new TranslationError(
      'Translation sends the transcript to Groq, and Settings → Chat → Send to Groq keeps it on this device. Allow the transcript there to translate.',
    );
  if (!online)
    throw new TranslationError(
      "You're offline: translation needs Groq. Try again when you're back online.",
    );
}

/** One batch translated, asking again for lines the model left out; every line or an error. */
async function translateBatch(
  batch: readonly TranscriptSegmentRecord[],
  language: string,
  settings: Settings,
  signal?: AbortSignal,
): Promise<{ texts: Map<number, string>; model: string }> {
  const texts = new Map<number, string>();
  let model = settings.groqModel;
  let asked: CueToTranslate[] = batch.map((s, id) => ({ id, text: s.text.trim() }));
  for (let attempt = 0; attempt <= RETRIES_FOR_MISSING && asked.length > 0; attempt++) {
    const reply = await askGroqToTranslate(settings, language, asked, signal);
    model = reply.model;
    reply.texts.forEach((text, id) => texts.set(id, text));
    asked = asked.filter((cue) => !texts.has(cue.id));
  }
  if (asked.length > 0)
    throw new TranslationError(
      `Groq left ${asked.length} line${asked.length === 1 ? '' : 's'} untranslated. What is done is kept: try again to finish.`,
    );
  return { texts, model };
}

/**
 * Translates a video's transcript into `language` with Groq, a batch of lines per call: each line
 * keeps its segment's times, and each batch is stored as it lands, so a translation stopped or
 * failed half-way resumes after its last stored batch, and one already done costs nothing.
 * Lines whose transcript changed since are translated again. Rejects with `TranslationError`
 * (in words) or the Groq failure (`AgentError`) — the lines stored so far stay.
 */
export async function translateVideo(
  videoId: string,
  language: string,
  options: TranslateOptions = {},
): Promise<TranslationProgress & { language: string; batches: number }> {
  const database = options.database ?? defaultDb;
  const settings = (options.settings ?? readSettings)();
  const name = languageName(language);
  if (!name) throw new TranslationError('Say which language to translate into.');
  if (!(await getVideo(videoId, database))) throw new Error(`No video with id ${videoId}`);
  const segments = (await listTranscript(videoId, database)).filter((s) => s.text.trim());
  if (segments.length === 0)
    throw new TranslationError(
      'There is no transcript to translate yet: the speech has not been transcribed, or nothing is said.',
    );
  const stored = new Map((await listTranslation(videoId, name, database)).map((r) => [r.key, r]));
  const batches = batchesToDo(segments, stored);
  const total = segments.length;
  let done = total - batches.reduce((n, b) => n + b.length, 0);
  options.onProgress?.({ done, total });
  if (batches.length > 0)
    checkCanTranslate(settings, (options.online ?? (() => navigator.onLine))());
  let sent = 0;
  for (const batch of batches) {
    options.signal?.throwIfAborted();
    const { texts, model } = await translateBatch(batch, name, settings, options.signal);
    sent++;
    const createdAt = Date.now();
    await putTranslations(
      batch.map((segment, id) => ({
        videoId,
        language: name,
        key: segmentKey(segment),
        start: segment.start,
        end: segment.end,
        source: segment.text.trim(),
        text: redact(texts.get(id) ?? ''),
        model,
        createdAt,
      })),
      database,
    );
    done += batch.length;
    options.onProgress?.({ done, total });
  }
  logEvent({
    level: 'info',
    component: 'library',
    videoId,
    message: `transcript translated into ${name}: ${total} lines, ${sent} batches sent`,
  });
  return { language: name, done, total, batches: sent };
}
