import { citedMoment } from '../features/chat';
import { openVideo } from './navigation';
import { useLibraryStore } from '../store/library-store';
import { ChatPanel } from './ChatPanel';

/** The library-wide chat: questions across every video; a cited moment opens its video there. */
export function LibraryChat() {
  const count = useLibraryStore((s) => s.videos.length);
  if (count === 0) return null;
  return (
    <div className="library-chat">
      <ChatPanel
        videoId={null}
        title="Ask across your library"
        onCite={(c) => openVideo(c.video_id, citedMoment(c))}
      />
    </div>
  );
}
