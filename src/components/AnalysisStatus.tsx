import { cancelAnalysis, describeTimeLeft, retryAnalysis } from '../features/analysis';
import type { StageRecord } from '../features/analysis';
import type { StageName } from '../shared/stages';
import { STAGE_NAMES } from '../shared/stages';
import { formatDuration } from '../shared/format';
import { useSecondsLeft, useStageRows } from '../store/analysis-store';

const LABELS: Record<
  StageName,
  { running: string; done: (stats: Record<string, number>, detail?: string) => string }
> = {
  frames: {
    running: 'Looking at the frames',
    done: (s) => `${s.scenes ?? 0} scenes · ${s.frames ?? 0} frames`,
  },
  speech: {
    running: 'Listening for speech',
    done: (s) => `speech ${formatDuration(s.speechSeconds ?? 0)} in ${s.regions ?? 0} parts`,
  },
  objects: {
    running: 'Spotting objects',
    done: (s) => `${s.labels ?? 0} kinds of object in ${s.ranges ?? 0} stretches`,
  },
  text: {
    running: 'Reading on-screen text',
    done: (s) => `${s.lines ?? 0} lines of on-screen text in ${s.framesWithText ?? 0} frames`,
  },
  transcript: {
    running: 'Transcribing the speech',
    done: (s, detail) => `transcript: ${s.segments ?? 0} segments${detail ? ` · ${detail}` : ''}`,
  },
  captions: {
    running: 'Describing the frames',
    done: (s) => `${s.captions ?? 0} frames described`,
  },
  embeddings: {
    running: 'Indexing for search',
    done: (s) => `search index: ${s.texts ?? 0} texts, ${s.frames ?? 0} frames`,
  },
};

function StageLine({
  videoId,
  stage,
  row,
}: {
  videoId: string;
  stage: StageName;
  row: StageRecord | undefined;
}) {
  const secondsLeft = useSecondsLeft(videoId, stage);
  if (!row) return null;
  const label = LABELS[stage];
  switch (row.state) {
    case 'queued':
      return <li data-state="queued">{label.running} — waiting…</li>;
    case 'running':
      return (
        <li data-state="running">
          {row.detail ?? `${label.running}… ${Math.round(row.progress * 100)} %`}
          {secondsLeft !== undefined && (
            <span className="analysis__eta" data-testid="video.eta">
              {' '}
              · {describeTimeLeft(secondsLeft)}
            </span>
          )}
          <progress max={1} value={row.progress} aria-label={label.running} />
        </li>
      );
    case 'done':
      return <li data-state="done">{label.done(row.stats, row.detail ?? undefined)}</li>;
    default:
      return <li data-state={row.state}>{row.detail}</li>;
  }
}

/** Per-stage processing status of one video, with cancel and re-run. */
export function AnalysisStatus({ videoId }: { videoId: string }) {
  const rows = useStageRows(videoId);
  const busy = rows.some((r) => r?.state === 'queued' || r?.state === 'running');
  const rerun = rows.some((r) => r?.state === 'cancelled' || r?.state === 'failed');
  if (rows.every((row) => !row)) return null;
  return (
    <div className="analysis" data-testid="video.status" aria-live="polite">
      <ul>
        {STAGE_NAMES.map((stage, i) => (
          <StageLine key={stage} videoId={videoId} stage={stage} row={rows[i]} />
        ))}
      </ul>
      {busy && (
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={() => void cancelAnalysis(videoId)}
        >
          Cancel analysis
        </button>
      )}
      {rerun && !busy && (
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={() => void retryAnalysis(videoId)}
        >
          Analyse again
        </button>
      )}
    </div>
  );
}
