import { citedMoment, type Citation } from '../features/chat';
import { saveHighlights } from '../features/keepsakes';
import { useLibraryStore } from '../store/library-store';

/** "Save highlights": the moments an answer cites in this video, joined into one clip in order. */
export function SaveHighlights({
  videoId,
  citations,
}: {
  videoId: string;
  citations: readonly Citation[];
}) {
  const video = useLibraryStore((s) => s.videos.find((v) => v.id === videoId));
  const times = [
    ...new Set(
      citations.filter((c) => c.video_id === videoId && c.confirmed !== false).map(citedMoment),
    ),
  ];
  if (!video || times.length < 2) return null;
  return (
    <button
      type="button"
      className="button button--quiet button--small chat__highlights"
      data-testid="chat.highlights"
      onClick={() => void saveHighlights(video, times)}
    >
      Save highlights ({times.length} moments)
    </button>
  );
}
