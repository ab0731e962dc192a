import { LIBRARY_SCOPE, listConversations, type ConversationSummary } from '../features/chat';
import { useEffect, useState } from 'react';
import { openVideo } from './navigation';
import { formatDate } from '../shared/format';
import { useLibraryStore } from '../store/library-store';

/** Past conversations, most recent first: which video, how many questions, the latest one. */
export function ConversationHistory() {
  const videos = useLibraryStore((s) => s.videos);
  const [conversations, setConversations] = useState<ConversationSummary[]>([]);
  useEffect(() => {
    let live = true;
    void listConversations().then((rows) => {
      if (live) setConversations(rows);
    });
    return () => {
      live = false;
    };
  }, [videos]);
  if (conversations.length === 0) return null;
  const nameOf = (id: string) =>
    id === LIBRARY_SCOPE
      ? 'Your library'
      : (videos.find((v) => v.id === id)?.name ?? 'A deleted video');
  return (
    <section className="history" aria-labelledby="history-title">
      <h2 id="history-title">Conversations</h2>
      <ul className="history__list">
        {conversations.map((c) => (
          <li key={c.videoId} data-testid="chat.history-item">
            <button
              type="button"
              className="history__item"
              disabled={c.videoId === LIBRARY_SCOPE}
              onClick={() => openVideo(c.videoId)}
            >
              <strong>{nameOf(c.videoId)}</strong>
              <span>
                {c.turns === 1 ? '1 question' : `${c.turns} questions`} · {formatDate(c.lastAt)}
              </span>
              <span className="history__last">“{c.lastQuestion}”</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
