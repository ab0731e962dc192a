import { seekPlayer, showLibrary } from '../app/navigation';
import { formatDuration } from '../library/format';
import { useLibraryStore } from '../store/library-store';
import { AnalysisStatus } from './AnalysisStatus';
import { ChatPanel } from './ChatPanel';
import { VideoPlayer } from './VideoPlayer';

/** One video: the player, its analysis, and the chat about it. */
export function VideoView({ videoId }: { videoId: string }) {
  const video = useLibraryStore((s) => s.videos.find((v) => v.id === videoId));
  const loaded = useLibraryStore((s) => s.loaded);
  if (!video)
    return (
      <main className="page">
        <p className="library__empty">
          {loaded ? 'This video is no longer in your library.' : 'Opening…'}
        </p>
        <button type="button" className="button" onClick={showLibrary}>
          Back to the library
        </button>
      </main>
    );
  return (
    <main className="page video-view" data-testid="video.view">
      <div className="video-view__head">
        <button
          type="button"
          className="button button--quiet"
          onClick={showLibrary}
          data-testid="video.back"
        >
          ← Library
        </button>
        <h1 className="video-view__title">{video.name}</h1>
        <span className="video-view__meta">{formatDuration(video.duration)}</span>
      </div>
      <div className="video-view__body">
        <div className="video-view__media">
          <VideoPlayer video={video} />
          <AnalysisStatus videoId={video.id} />
        </div>
        <ChatPanel
          videoId={video.id}
          title="Ask about this video"
          onCite={(c) => seekPlayer(c.t)}
        />
      </div>
    </main>
  );
}
