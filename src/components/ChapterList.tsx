import { makeChapters, toChapterList } from '../features/keepsakes';
import { useRef, useState } from 'react';
import { formatDuration } from '../shared/format';
import { errorMessage } from '../shared/error-message';
import { useViewStore } from '../store/view-store';
import { seekPlayer } from './navigation';

type Chapter = { start: number; end: number; title: string };

/** The chapter being played: the last one started at the playhead. */
function currentChapter(chapters: readonly Chapter[], t: number): number {
  let found = -1;
  chapters.forEach((c, i) => {
    if (c.start <= t + 0.25) found = i;
  });
  return found;
}

/**
 * Under the player: "Make chapters" (with Groq when a key is set, else from the scenes and
 * slides), then the chapters as a list — each seeks the player, the one playing is marked — and
 * "Copy list" for a video description.
 */
export function ChapterList({ videoId, chapters }: { videoId: string; chapters: Chapter[] }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const controller = useRef<AbortController | null>(null);
  const current = useViewStore((s) => currentChapter(chapters, s.playhead));
  const make = () => {
    controller.current = new AbortController();
    setBusy(true);
    setMessage(null);
    makeChapters(videoId, { signal: controller.current.signal })
      .then(({ note, madeBy }) =>
        setMessage({
          text:
            note ?? (madeBy === 'groq' ? 'Titled by Groq.' : 'Made from the scenes and slides.'),
          error: false,
        }),
      )
      .catch((e: unknown) =>
        setMessage(
          controller.current?.signal.aborted
            ? { text: 'Stopped: the chapters are as they were.', error: false }
            : { text: `Couldn't make chapters: ${errorMessage(e)}`, error: true },
        ),
      )
      .finally(() => setBusy(false));
  };
  const copy = () => {
    navigator.clipboard
      .writeText(toChapterList(chapters))
      .then(() => setMessage({ text: 'Copied: paste it into a video description.', error: false }))
      .catch(() =>
        setMessage({ text: "The browser wouldn't copy: use Export → Chapter list.", error: true }),
      );
  };
  return (
    <section className="chapters" aria-label="Chapters" data-testid="chapters.panel">
      <div className="chapters__head">
        <h2 className="chapters__title">Chapters</h2>
        <button
          type="button"
          className="button button--small"
          onClick={make}
          disabled={busy}
          data-testid="chapters.make"
        >
          {busy ? 'Making chapters…' : chapters.length ? 'Make again' : 'Make chapters'}
        </button>
        {busy && (
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => controller.current?.abort()}
          >
            Stop
          </button>
        )}
        {chapters.length > 0 && (
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={copy}
            data-testid="chapters.copy"
          >
            Copy list
          </button>
        )}
      </div>
      {message && (
        <p
          className={message.error ? 'card__error' : 'chapters__note'}
          role={message.error ? 'alert' : 'status'}
          data-testid="chapters.note"
        >
          {message.text}
        </p>
      )}
      {chapters.length > 0 && (
        <ol className="chapters__list">
          {chapters.map((chapter, i) => (
            <li key={`${chapter.start}-${i}`}>
              <button
                type="button"
                className="chapters__chapter"
                aria-current={i === current ? 'true' : undefined}
                onClick={() => seekPlayer(chapter.start)}
                data-testid="chapters.chapter"
              >
                <span className="chapters__time">{formatDuration(chapter.start)}</span>{' '}
                {chapter.title}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
