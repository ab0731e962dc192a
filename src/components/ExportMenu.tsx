import { useState } from 'react';
import type { VideoRecord } from '../db';
import type { ExportFormat } from '../library/exports/export-video';
import { downloadExport } from '../library/library-actions';
import { errorMessage } from '../shared/error-message';

const CHOICES: { format: ExportFormat; label: string; hint: string }[] = [
  { format: 'srt', label: 'Subtitles (SRT)', hint: 'For most players and editors' },
  { format: 'vtt', label: 'Subtitles (WebVTT)', hint: 'For web players' },
  { format: 'md', label: 'Notes (Markdown)', hint: 'Summary, chapters and your questions' },
  { format: 'index', label: 'Video and index (.bri)', hint: 'Restores in BRI on any device' },
];

/** Downloads of one video: subtitles, notes, or its whole index. */
export function ExportMenu({ video }: { video: VideoRecord }) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = (format: ExportFormat) => {
    setBusy(format);
    setError(null);
    downloadExport(video, format)
      .catch((e: unknown) => setError(`Couldn't export: ${errorMessage(e)}`))
      .finally(() => setBusy(null));
  };
  return (
    <details className="exports" data-testid="video.exports">
      <summary className="button button--quiet button--small">Export…</summary>
      <ul className="exports__list">
        {CHOICES.map(({ format, label, hint }) => (
          <li key={format}>
            <button
              type="button"
              className="button button--quiet button--small"
              data-testid={`video.export.${format}`}
              disabled={busy !== null}
              onClick={() => save(format)}
              title={hint}
            >
              {busy === format ? 'Preparing…' : label}
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p className="card__error" role="alert">
          {error}
        </p>
      )}
    </details>
  );
}
