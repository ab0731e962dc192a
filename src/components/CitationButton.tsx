import type { Citation } from '../agent/citations';
import { useFrameThumbnail } from './useFrameThumbnail';

/** A cited moment: its time and frame; pressing it shows that moment in the player. */
export function CitationButton({
  citation,
  onCite,
}: {
  citation: Citation;
  onCite: (citation: Citation) => void;
}) {
  const thumbnail = useFrameThumbnail(citation.video_id, citation.t);
  return (
    <button
      type="button"
      className="citation"
      data-testid="chat.citation"
      data-t={citation.t}
      data-video-id={citation.video_id}
      aria-label={`Show the moment ${citation.label.slice(1, -1)}`}
      onClick={() => onCite(citation)}
    >
      {thumbnail && <img src={thumbnail} alt="" width="48" height="27" />}
      {citation.label.slice(1, -1)}
    </button>
  );
}
