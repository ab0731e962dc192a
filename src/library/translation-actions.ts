import { AgentError } from '../agent/agent-errors';
import { errorMessage } from '../shared/error-message';
import { patchTranslationJob, showTranscriptIn } from '../store/translation-store';
import { languageName, translateVideo } from './translation/translate-video';

const controllers = new Map<string, AbortController>();

/** Stops a video's translation after the batch in flight; what is stored stays. */
export function stopTranslation(videoId: string): void {
  controllers.get(videoId)?.abort(new DOMException('Translation stopped', 'AbortError'));
}

/**
 * Translates a video's transcript as the transcript tab asks: progress in the translation store,
 * the transcript shown in the language as soon as lines land, Stop, and a failure said in words
 * (the lines done are kept: translating again resumes).
 */
export async function startTranslation(videoId: string, language: string): Promise<void> {
  stopTranslation(videoId);
  const name = languageName(language);
  const own = new AbortController();
  controllers.set(videoId, own);
  patchTranslationJob(videoId, {
    language: name,
    state: 'running',
    done: 0,
    total: 0,
    message: null,
  });
  // The transcript switches to the language once it has lines in it, not before: a translation
  // that fails at once leaves the transcript as it was.
  let switched = false;
  const showIt = () => {
    if (switched) return;
    switched = true;
    showTranscriptIn(videoId, name);
  };
  try {
    const result = await translateVideo(videoId, name, {
      signal: own.signal,
      onProgress: ({ done, total }) => {
        patchTranslationJob(videoId, { done, total });
        if (done > 0) showIt();
      },
    });
    showIt();
    patchTranslationJob(videoId, {
      state: 'done',
      message: `Translated into ${name}: ${result.total} lines.`,
    });
  } catch (error) {
    if (own.signal.aborted) {
      patchTranslationJob(videoId, {
        state: 'stopped',
        message: 'Stopped. The lines done are kept: Translate again to go on.',
      });
      return;
    }
    const why = error instanceof AgentError ? error.failure.message : errorMessage(error);
    patchTranslationJob(videoId, {
      state: 'failed',
      message: `Couldn't finish translating: ${why}`,
    });
  } finally {
    if (controllers.get(videoId) === own) controllers.delete(videoId);
  }
}
