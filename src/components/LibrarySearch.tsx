import { formatTimestamp } from '../features/chat';
import { searchLibrary, type LibraryHit } from '../features/library';
import { useState, type FormEvent } from 'react';
import { openVideo } from './navigation';
import { useShownVideos } from '../store/library-store';
import { errorMessage } from '../shared/error-message';

/**
 * Moments across every video that match a search (what is said, seen, detected or written on
 * screen), each opening its video there. Its own box: the one above the grid filters by name.
 */
export function LibrarySearch() {
  const [query, setQuery] = useState('');
  const videos = useShownVideos();
  const [hits, setHits] = useState<{ query: string; hits: LibraryHit[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const search = (event: FormEvent) => {
    event.preventDefault();
    const asked = query.trim();
    if (!asked) return;
    setBusy(true);
    setError(null);
    searchLibrary(asked)
      .then((found) => setHits({ query: asked, hits: found }))
      .catch((e: unknown) => setError(`Search failed: ${errorMessage(e)}`))
      .finally(() => setBusy(false));
  };
  // A video deleted since the search (or in its undo window) takes its moments with it.
  const shown = hits?.hits.filter((hit) => videos.some((v) => v.id === hit.video_id)) ?? [];
  const name = (id: string) => videos.find((v) => v.id === id)?.name ?? id;
  return (
    <form onSubmit={search} className="library-search" role="search">
      <input
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder="Search inside videos: said, seen or written"
        aria-label="Search inside your videos"
        data-testid="library.search-inside-input"
      />
      <button
        type="submit"
        className="button button--small"
        disabled={!query.trim() || busy}
        data-testid="library.search-inside"
      >
        {busy ? 'Searching…' : 'Search'}
      </button>
      {error && (
        <p className="card__error" role="alert">
          {error}
        </p>
      )}
      {hits && (
        <div aria-live="polite">
          {shown.length === 0 ? (
            <p className="library__empty">Nothing said, seen or written matches “{hits.query}”.</p>
          ) : (
            <ol className="library-search__hits" aria-label={`Moments matching ${hits.query}`}>
              {shown.map((hit, i) => (
                <li key={i}>
                  <button
                    type="button"
                    className="library-search__hit"
                    onClick={() => openVideo(hit.video_id, hit.t)}
                    data-testid="library.hit"
                    data-video-id={hit.video_id}
                    data-t={hit.t}
                  >
                    <span className="transcript__time">{formatTimestamp(hit.t)}</span>{' '}
                    <strong>{name(hit.video_id)}</strong>{' '}
                    <span className="library-search__kind">{hit.kind}</span> {hit.text}
                  </button>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </form>
  );
}
