import { citedMoment, type Citation } from '../features/chat';
import { saveMomentClip } from '../features/keepsakes';
import { useLibraryStore } from '../store/library-store';
import { useFrameThumbnail } from './useFrameThumbnail';

/**
 * A cited moment: its time and frame; pressing it shows that moment in the player, and the
 * scissors beside it save a clip of it (with the person's context either side).
 */
export function CitationButton({
  citation,
  onCite,
}: {
  citation: Citation;
  onCite: (citation: Citation) => void;
}) {
  const at = citedMoment(citation);
  const thumbnail = useFrameThumbnail(citation.video_id, at);
  const video = useLibraryStore((s) => s.videos.find((v) => v.id === citation.video_id));
  const time = citation.label.slice(1, -1);
  return (
    <span className="citation-group">
      <button
        type="button"
        className="citation"
        data-testid="chat.citation"
        data-t={citation.t}
        data-at={at}
        data-video-id={citation.video_id}
        aria-label={`Show the moment ${time}`}
        onClick={() => onCite(citation)}
      >
        {thumbnail && <img src={thumbnail} alt="" width="48" height="27" />}
        {time}
      </button>
      {video && (
        <button
          type="button"
          className="citation__clip"
          data-testid="chat.citation.clip"
          data-t={citation.t}
          aria-label={`Save a clip of ${time}`}
          title="Save clip"
          onClick={() => void saveMomentClip(video, at, at)}
        />
      )}
    </span>
  );
}
