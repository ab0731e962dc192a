import { deleteVideo } from '../features/library';
import { useState } from 'react';
import { useLibraryStore, useShownVideos } from '../store/library-store';
import { arrangeLibrary, ORDER_LABELS, type LibraryOrder } from './library-order';
import { LibrarySearch } from './LibrarySearch';
import { ErrorBoundary } from './ErrorBoundary';
import { HELP_HASH } from './navigation';
import { UndoDelete } from './UndoDelete';
import { VideoCard } from './VideoCard';

/** The grid of imported videos with search and sort, or a friendly empty state. */
export function LibraryGrid() {
  // A video in its undo window is gone for the person, though still on the device.
  const videos = useShownVideos();
  const loaded = useLibraryStore((s) => s.loaded);
  const [filter, setFilter] = useState('');
  const [order, setOrder] = useState<LibraryOrder>('newest');
  if (!loaded) return <p className="library__loading">Opening your library…</p>;
  const undo = <UndoDelete />;
  if (videos.length === 0) {
    return (
      <>
        {undo}
        <p className="library__empty" data-testid="library.empty">
          Your library is empty. Drop a video above and I'll keep it here, on this device only.{' '}
          <a href={HELP_HASH} data-testid="library.help">
            How BRI works
          </a>
        </p>
      </>
    );
  }
  const shown = arrangeLibrary(videos, filter, order);
  return (
    <>
      {undo}
      <div className="library__tools">
        <input
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder="Filter by name"
          aria-label="Filter your videos by name"
          data-testid="library.search"
        />
        <label>
          Sort{' '}
          <select
            value={order}
            onChange={(e) => setOrder(e.target.value as LibraryOrder)}
            data-testid="library.sort"
          >
            {Object.entries(ORDER_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <LibrarySearch />
      {shown.length === 0 && (
        <p className="library__empty">No video’s name contains “{filter.trim()}”.</p>
      )}
      <ul className="library__grid" aria-label="Your videos">
        {shown.map((video) => (
          <ErrorBoundary
            key={video.id}
            label={`the card of “${String(video.name)}”`}
            actions={
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => void deleteVideo(video.id)}
              >
                Delete this video
              </button>
            }
          >
            <VideoCard video={video} />
          </ErrorBoundary>
        ))}
      </ul>
    </>
  );
}
