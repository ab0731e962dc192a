import { citedMoment, type Citation } from '../features/chat';
import { saveMomentClip } from '../features/keepsakes';
import { useLibraryStore } from '../store/library-store';
import { useViewStore } from '../store/view-store';
import { useFrameThumbnail } from './useFrameThumbnail';
import { watchSpeakerAt } from '../features/video-view';
import { useEffect, useState } from 'react';

/** Who speaks at a cited moment (their name, kept current), or null. */
function useSpeakerAt(videoId: string, t: number): string | null {
  const [name, setName] = useState<{ key: string; name: string | null } | null>(null);
  const key = `${videoId}@${t}`;
  useEffect(
    () => watchSpeakerAt(videoId, t, (found) => setName({ key, name: found })),
    [videoId, t, key],
  );
  return name?.key === key ? name.name : null;
}

/**
 * A cited moment: its time and frame; pressing it shows that moment in the player, and the
 * scissors beside it save a clip of it (with the person's context either side). A cited stretch
 * (`until`: "[01:10]–[01:20]") is one control: it shows the start, and its clip is the stretch.
 */
export function CitationButton({
  citation,
  until,
  onCite,
}: {
  citation: Citation;
  until?: Citation;
  onCite: (citation: Citation) => void;
}) {
  const at = citedMoment(citation);
  const thumbnail = useFrameThumbnail(citation.video_id, at);
  const speaker = useSpeakerAt(citation.video_id, at);
  const video = useLibraryStore((s) => s.videos.find((v) => v.id === citation.video_id));
  const time = until
    ? `${citation.label.slice(1, -1)}–${until.label.slice(1, -1)}`
    : citation.label.slice(1, -1);
  // Outside that video's own view (the library chat), a moment says which video it is from.
  const onScreen = useViewStore((s) => s.videoId);
  const from = onScreen !== citation.video_id ? (video?.name ?? null) : null;
  return (
    <span className="citation-group">
      <button
        type="button"
        className="citation"
        data-testid="chat.citation"
        data-t={citation.t}
        data-at={at}
        data-video-id={citation.video_id}
        aria-label={`${from ? `Show ${time} of ${from}` : `Show the moment ${time}`}${speaker ? `, ${speaker} speaking` : ''}`}
        onClick={() => onCite(citation)}
      >
        {thumbnail && <img src={thumbnail} alt="" width="48" height="27" />}
        {from && (
          <span className="citation__video" data-testid="chat.citation-video">
            {from}
          </span>
        )}
        {time}
        {speaker && (
          <span className="citation__speaker" data-testid="chat.citation-speaker">
            {speaker}
          </span>
        )}
      </button>
      {video && (
        <button
          type="button"
          className="citation__clip"
          data-testid="chat.citation.clip"
          data-t={citation.t}
          aria-label={`Save a clip of ${time}`}
          title="Save clip"
          onClick={() => void saveMomentClip(video, at, until ? Math.max(at, until.t) : at)}
        />
      )}
    </span>
  );
}
