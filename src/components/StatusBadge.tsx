import { useStageRows } from '../store/analysis-store';

/** One word on a card for where its analysis stands: indexed, analysing (with %), failed… */
export function StatusBadge({ videoId }: { videoId: string }) {
  const rows = useStageRows(videoId).filter((row) => row !== undefined);
  let state = 'new';
  let label = 'Not analysed';
  if (rows.some((r) => r.state === 'running' || r.state === 'queued')) {
    const progress = rows.reduce((sum, r) => sum + (r.state === 'done' ? 1 : r.progress), 0);
    state = 'busy';
    label = `Analysing ${Math.round((progress / rows.length) * 100)} %`;
  } else if (rows.some((r) => r.state === 'failed')) {
    state = 'failed';
    label = 'Needs attention';
  } else if (rows.some((r) => r.state === 'cancelled')) {
    state = 'cancelled';
    label = 'Stopped';
  } else if (rows.length > 0) {
    state = 'done';
    label = 'Indexed';
  }
  return (
    <span className="badge" data-state={state} data-testid="library.badge">
      {label}
    </span>
  );
}
