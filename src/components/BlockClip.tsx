import { saveMomentClip } from '../features/keepsakes';
import { formatDuration } from '../shared/format';
import { useLibraryStore } from '../store/library-store';
import { ClipContextInput } from './ClipStatus';

/** A timeline block the person picked: its range and what it stands for. */
export interface SelectedBlock {
  start: number;
  end: number;
  label: string;
}

/** Under the timeline: the picked block, with "Save clip" of it (and its context either side). */
export function BlockClip({ videoId, block }: { videoId: string; block: SelectedBlock | null }) {
  const video = useLibraryStore((s) => s.videos.find((v) => v.id === videoId));
  return (
    <div className="timeline__selection" data-testid="timeline.selection">
      {block ? (
        <span data-testid="timeline.selected">
          {block.label} ({formatDuration(block.start)}–{formatDuration(block.end)})
        </span>
      ) : (
        <span className="timeline__hint">Pick a block to save it as a clip.</span>
      )}
      {block && <ClipContextInput />}
      <button
        type="button"
        className="button button--small"
        data-testid="timeline.save-clip"
        disabled={!block || !video}
        onClick={() => {
          if (block && video) void saveMomentClip(video, block.start, block.end);
        }}
      >
        Save clip
      </button>
    </div>
  );
}
