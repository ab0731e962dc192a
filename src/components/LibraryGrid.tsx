import { useLibraryStore } from '../store/library-store';
import { VideoCard } from './VideoCard';

/** The grid of imported videos, or a friendly empty state. */
export function LibraryGrid() {
  const videos = useLibraryStore((s) => s.videos);
  const loaded = useLibraryStore((s) => s.loaded);
  if (!loaded) return <p className="library__loading">Opening your library…</p>;
  if (videos.length === 0) {
    return (
      <p className="library__empty" data-testid="library.empty">
        Your library is empty. Drop a video above and I'll keep it here, on this device only.
      </p>
    );
  }
  return (
    <ul className="library__grid" aria-label="Your videos">
      {videos.map((video) => (
        <VideoCard key={video.id} video={video} />
      ))}
    </ul>
  );
}
