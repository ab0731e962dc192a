import { stillProcessingFor } from '../features/analysis';
import { STAGE_NAMES } from '../shared/stages';
import { useStageRows } from '../store/analysis-store';
import { useLibraryStore } from '../store/library-store';

/**
 * "Still listening to the audio…" under a question whose answer needs an analysis that has not
 * finished; it goes away by itself when that analysis is done.
 */
export function StillProcessingNotice({
  videoId,
  question,
}: {
  videoId: string;
  question: string;
}) {
  const rows = useStageRows(videoId);
  const duration = useLibraryStore((s) => s.videos.find((v) => v.id === videoId)?.duration ?? 0);
  const states = Object.fromEntries(STAGE_NAMES.map((stage, i) => [stage, rows[i]?.state]));
  const pending = stillProcessingFor(question, duration, states);
  if (pending.length === 0) return null;
  return (
    <p className="chat__notice" role="status" data-testid="chat.still-processing">
      I’m still {pending.join(' and ')} for this video, so this answer may grow once that’s done.
    </p>
  );
}
