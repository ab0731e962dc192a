import { cancelAnalysis, describeReadyIn, retryAnalysis } from '../features/analysis';
import type { StageRecord } from '../features/analysis';
import type { StageName } from '../shared/stages';
import { STAGE_NAMES } from '../shared/stages';
import { formatDuration } from '../shared/format';
import { useStageRows, useVideoSecondsLeft } from '../store/analysis-store';

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
  speakers: {
    running: 'Telling the speakers apart',
    done: (s, detail) => detail ?? `${s.speakers ?? 0} speakers in ${s.turns ?? 0} turns`,
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

function StageLine({ stage, row }: { stage: StageName; row: StageRecord | undefined }) {
  if (!row) return null;
  const label = LABELS[stage];
  switch (row.state) {
    case 'queued':
      return <li data-state="queued">{label.running} — waiting…</li>;
    case 'running':
      return (
        <li data-state="running">
          {row.detail ?? `${label.running}… ${Math.round(row.progress * 100)} %`}
          <progress max={1} value={row.progress} aria-label={label.running} />
        </li>
      );
    case 'done':
      return <li data-state="done">{label.done(row.stats, row.detail ?? undefined)}</li>;
    default:
      return <li data-state={row.state}>{row.detail}</li>;
  }
}

/** When the whole video will be ready: one estimate for all its stages, refined as they finish. */
function ReadyIn({ videoId }: { videoId: string }) {
  const seconds = useVideoSecondsLeft(videoId);
  if (seconds === undefined) return null;
  return (
    <p className="analysis__eta" data-testid="video.eta" data-seconds={Math.round(seconds)}>
      {describeReadyIn(seconds)}
    </p>
  );
}

/**
 * Per-stage processing status of one video, with cancel and re-run. `compact` (a library card):
 * what is running, failed or stopped shows; what each finished stage found folds away under
 * "What was found", so a card isn't a page of pipeline figures.
 */
export function AnalysisStatus({
  videoId,
  compact = false,
}: {
  videoId: string;
  compact?: boolean;
}) {
  const rows = useStageRows(videoId);
  const busy = rows.some((r) => r?.state === 'queued' || r?.state === 'running');
  const rerun = rows.some((r) => r?.state === 'cancelled' || r?.state === 'failed');
  if (rows.every((row) => !row)) return null;
  return (
    <div className="analysis" data-testid="video.status" aria-live="polite">
      {busy && <ReadyIn videoId={videoId} />}
      {compact ? (
        <>
          <ul>
            {STAGE_NAMES.map((stage, i) =>
              rows[i]?.state === 'done' ? null : (
                <StageLine key={stage} stage={stage} row={rows[i]} />
              ),
            )}
          </ul>
          {rows.some((row) => row?.state === 'done') && (
            <details className="analysis__found">
              <summary>What was found</summary>
              <ul>
                {STAGE_NAMES.map((stage, i) =>
                  rows[i]?.state === 'done' ? (
                    <StageLine key={stage} stage={stage} row={rows[i]} />
                  ) : null,
                )}
              </ul>
            </details>
          )}
        </>
      ) : (
        <ul>
          {STAGE_NAMES.map((stage, i) => (
            <StageLine key={stage} stage={stage} row={rows[i]} />
          ))}
        </ul>
      )}
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
