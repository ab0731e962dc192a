import { renameVideo } from '../features/library';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { VideoRecord } from '../shared/video-types';
import { errorMessage } from '../shared/error-message';

/**
 * A card's title with a Rename button beside it; renaming swaps the title for a small form.
 * The new name is the video's everywhere at once (card, exports, backups, chat).
 */
export function RenameVideo({ video, children }: { video: VideoRecord; children: ReactNode }) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (draft === null) return;
    renameVideo(video.id, draft)
      .then(() => {
        setDraft(null);
        setError(null);
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  };
  if (draft === null)
    return (
      <div className="card__title-row">
        {children}
        <button
          type="button"
          className="button button--quiet button--small"
          data-testid="library.rename"
          aria-label={`Rename ${video.name}`}
          onClick={() => setDraft(video.name)}
        >
          Rename
        </button>
      </div>
    );
  return (
    <>
      {children}
      <form className="card__rename" onSubmit={save}>
        <label className="visually-hidden" htmlFor={`rename-${video.id}`}>
          New name for {video.name}
        </label>
        <input
          id={`rename-${video.id}`}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          data-testid="library.rename-input"
          autoFocus
          onKeyDown={(e) => {
            if (e.key === 'Escape') setDraft(null);
          }}
        />
        <button type="submit" className="button button--small" data-testid="library.rename-save">
          Save
        </button>
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={() => setDraft(null)}
        >
          Cancel
        </button>
        {error && (
          <p className="card__error" role="alert">
            {error}
          </p>
        )}
      </form>
    </>
  );
}
