import { downloadExport } from '../features/library';
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { VideoRecord } from '../shared/video-types';
import type { ExportFormat } from '../shared/export-formats';
import { errorMessage } from '../shared/error-message';
import { useTranslationStore } from '../store/translation-store';

const CHOICES: { format: ExportFormat; label: string; hint: string }[] = [
  { format: 'srt', label: 'Subtitles (SRT)', hint: 'For most players and editors' },
  { format: 'vtt', label: 'Subtitles (WebVTT)', hint: 'For web players' },
  { format: 'md', label: 'Notes (Markdown)', hint: 'Summary, chapters and your questions' },
  { format: 'chapters', label: 'Chapters (WebVTT)', hint: 'A chapters track for web players' },
  {
    format: 'chapter-list',
    label: 'Chapter list (0:00 Title)',
    hint: 'Ready to paste into a video description',
  },
  {
    format: 'slides',
    label: 'Slides (HTML)',
    hint: 'One page per slide or shot, with its text and what was said; opens anywhere, prints',
  },
  { format: 'index', label: 'Video and index (.bri)', hint: 'Restores in BRI on any device' },
];

/**
 * Closes an open `<details>` menu as a menu closes: on Escape (focus back on its summary), and on
 * a press or focus anywhere outside it — an open list must not sit over the tabs below it.
 */
function useClosesLikeAMenu(ref: RefObject<HTMLDetailsElement | null>): void {
  useEffect(() => {
    const outside = (event: Event) => {
      const menu = ref.current;
      if (menu?.open && event.target instanceof Node && !menu.contains(event.target))
        menu.open = false;
    };
    const escape = (event: KeyboardEvent) => {
      const menu = ref.current;
      if (event.key !== 'Escape' || !menu?.open) return;
      menu.open = false;
      menu.querySelector('summary')?.focus();
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('focusin', outside);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('focusin', outside);
      document.removeEventListener('keydown', escape);
    };
  }, [ref]);
}

/**
 * Downloads of one video: subtitles, notes, or its whole index. The list closes once a download
 * has started (it stays open to show an error), on Escape, and on a click elsewhere.
 */
export function ExportMenu({ video }: { video: VideoRecord }) {
  const [busy, setBusy] = useState<string | null>(null);
  // The transcript shown in a translation: its subtitles can be saved in that language too.
  const language = useTranslationStore((s) => s.shown[video.id] ?? null);
  const choices: {
    id: string;
    format: ExportFormat;
    label: string;
    hint: string;
    language?: string;
  }[] = [
    ...(language
      ? (['srt', 'vtt'] as const).map((format) => ({
          id: `${format}.translated`,
          format,
          language,
          label: `Subtitles (${format === 'srt' ? 'SRT' : 'WebVTT'}, ${language})`,
          hint: `The transcript's ${language} translation`,
        }))
      : []),
    ...CHOICES.map((choice) => ({ ...choice, id: choice.format })),
  ];
  const [error, setError] = useState<string | null>(null);
  const menu = useRef<HTMLDetailsElement>(null);
  useClosesLikeAMenu(menu);
  const save = (id: string, format: ExportFormat, language?: string) => {
    setBusy(id);
    setError(null);
    downloadExport(video, format, language ? { language } : {})
      .then(() => {
        if (menu.current) menu.current.open = false;
      })
      .catch((e: unknown) => setError(`Couldn't export: ${errorMessage(e)}`))
      .finally(() => setBusy(null));
  };
  return (
    <details ref={menu} className="exports" data-testid="video.exports">
      <summary className="button button--quiet button--small">Export…</summary>
      <ul className="exports__list">
        {choices.map(({ id, format, label, hint, language }) => (
          <li key={id}>
            <button
              type="button"
              className="button button--quiet button--small"
              data-testid={`video.export.${id}`}
              disabled={busy !== null}
              onClick={() => save(id, format, language)}
              title={hint}
            >
              {busy === id ? 'Preparing…' : label}
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
