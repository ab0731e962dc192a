import { startTranslation, stopTranslation } from '../features/keepsakes';
import { onSettingsChange, readSettings } from '../features/settings';
import { useState, useSyncExternalStore } from 'react';
import { showTranscriptIn, useTranslationStore } from '../store/translation-store';

/** Offered as the person types; any language Groq's model knows can be written in. */
const COMMON_LANGUAGES = [
  'English',
  'Spanish',
  'French',
  'German',
  'Italian',
  'Portuguese',
  'Dutch',
  'Polish',
  'Swedish',
  'Turkish',
  'Russian',
  'Ukrainian',
  'Arabic',
  'Hindi',
  'Bengali',
  'Chinese (Simplified)',
  'Japanese',
  'Korean',
  'Indonesian',
  'Vietnamese',
];

/**
 * Above the transcript: which language it is shown in (as spoken, or a translation made before),
 * and "Translate" into another with Groq — progress, Stop, and what went wrong in words.
 */
export function TranslationControls({
  videoId,
  languages,
}: {
  videoId: string;
  languages: readonly string[];
}) {
  const [asked, setAsked] = useState('');
  const job = useTranslationStore((s) => s.jobs[videoId]);
  const shown = useTranslationStore((s) => s.shown[videoId] ?? '');
  const running = job?.state === 'running';
  // Translating is Groq's work: without a key the button says what it needs instead of failing.
  const hasKey = useSyncExternalStore(onSettingsChange, () => readSettings().groqApiKey !== null);
  const choices = [...new Set([...languages, ...(shown ? [shown] : [])])].sort();
  return (
    <div className="translation" data-testid="transcript.translation">
      <label className="translation__show">
        Show{' '}
        <select
          value={shown}
          onChange={(e) => showTranscriptIn(videoId, e.target.value || null)}
          data-testid="transcript.language"
        >
          <option value="">As spoken</option>
          {choices.map((language) => (
            <option key={language} value={language}>
              {language}
            </option>
          ))}
        </select>
      </label>
      <form
        className="translation__form"
        onSubmit={(event) => {
          event.preventDefault();
          if (asked.trim()) void startTranslation(videoId, asked);
        }}
      >
        <input
          list="bri-languages"
          placeholder="Translate into…"
          aria-label="Language to translate the transcript into"
          value={asked}
          onChange={(e) => setAsked(e.target.value)}
          data-testid="transcript.translate-into"
        />
        <datalist id="bri-languages">
          {COMMON_LANGUAGES.map((language) => (
            <option key={language} value={language} />
          ))}
        </datalist>
        <button
          type="submit"
          className="button button--small"
          disabled={running || !asked.trim() || !hasKey}
          aria-describedby={hasKey ? undefined : `needs-key-${videoId}`}
          data-testid="transcript.translate"
        >
          Translate
        </button>
      </form>
      {!hasKey && (
        <p
          className="translation__note"
          id={`needs-key-${videoId}`}
          data-testid="transcript.needs-key"
        >
          Translating needs your Groq API key: add it in Settings → Chat.
        </p>
      )}
      {running && (
        <p className="translation__progress" role="status" data-testid="transcript.translating">
          <progress max={Math.max(1, job.total)} value={job.done} /> Translating into {job.language}
          … {job.done} of {job.total || '…'} lines{' '}
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => stopTranslation(videoId)}
            data-testid="transcript.translate-stop"
          >
            Stop
          </button>
        </p>
      )}
      {job && !running && job.message && (
        <p
          className={job.state === 'failed' ? 'card__error' : 'translation__note'}
          role={job.state === 'failed' ? 'alert' : 'status'}
          data-testid="transcript.translation-note"
        >
          {job.message}
        </p>
      )}
    </div>
  );
}
