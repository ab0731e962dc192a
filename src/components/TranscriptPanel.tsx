import { useEffect, useMemo, useRef, useState } from 'react';
import { formatTimestamp } from '../tools/moments';
import { seekPlayer } from './navigation';
import type { VideoTimelineRows } from '../db';
import { useViewStore } from '../store/view-store';
import { currentSegmentIndex } from './current-segment';

type Segment = VideoTimelineRows['transcript'][number];

/** The text with each case-insensitive occurrence of `query` marked. */
function Highlighted({ text, query }: { text: string; query: string }) {
  if (!query) return <>{text}</>;
  const parts = text.split(new RegExp(`(${query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`, 'gi'));
  return <>{parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part))}</>;
}

/**
 * What was said, searchable: each segment seeks the player; the one being spoken is highlighted
 * and kept in view while the video plays (not while the person searches).
 */
export function TranscriptPanel({
  segments,
  emptyText,
}: {
  segments: readonly Segment[];
  emptyText: string;
}) {
  const [query, setQuery] = useState('');
  // A number, so the list re-renders when the spoken segment changes, not on every time update.
  const current = useViewStore((s) => currentSegmentIndex(segments, s.playhead));
  const currentRef = useRef<HTMLButtonElement>(null);
  const trimmed = query.trim();
  const shown = useMemo(
    () =>
      segments
        .map((segment, index) => ({ segment, index }))
        .filter(({ segment }) => segment.text.toLowerCase().includes(trimmed.toLowerCase())),
    [segments, trimmed],
  );

  useEffect(() => {
    if (!trimmed) currentRef.current?.scrollIntoView({ block: 'nearest' });
  }, [current, trimmed]);

  return (
    <section className="transcript" aria-label="Transcript" data-testid="transcript.panel">
      <input
        type="search"
        className="transcript__search"
        placeholder="Search the transcript"
        aria-label="Search the transcript"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        data-testid="transcript.search"
      />
      {segments.length === 0 && <p className="transcript__empty">{emptyText}</p>}
      {segments.length > 0 && shown.length === 0 && (
        <p className="transcript__empty">Nothing said matches “{trimmed}”.</p>
      )}
      <ol className="transcript__list">
        {shown.map(({ segment, index }) => (
          <li key={`${segment.start}-${index}`}>
            <button
              type="button"
              ref={index === current ? currentRef : undefined}
              className="transcript__segment"
              aria-current={index === current ? 'true' : undefined}
              onClick={() => seekPlayer(segment.start)}
              data-testid="transcript.segment"
            >
              <span className="transcript__time">{formatTimestamp(segment.start)}</span>{' '}
              <Highlighted text={segment.text.trim()} query={trimmed} />
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
