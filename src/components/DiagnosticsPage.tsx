import {
  cacheFigures,
  downloadDiagnostics,
  readLog,
  stageTimings,
  subscribeLog,
  type LogLevel,
} from '../features/device';
import { readSettings } from '../features/settings';
import { useMemo, useState, useSyncExternalStore } from 'react';
import { showLibrary } from './navigation';
import { useLibraryStore } from '../store/library-store';
import { DeviceSummary } from './DeviceSummary';
import { SentToGroq } from './SentToGroq';
import { AgentsTook } from './AgentsTook';
import { useDeviceInfo } from './use-device-info';

const LEVELS: LogLevel[] = ['debug', 'info', 'warn', 'error'];
/** Rows drawn at most (newest first); the export always has every entry. */
const SHOWN = 300;

const time = (at: number) => new Date(at).toLocaleTimeString(undefined, { hour12: false });

/** The session's structured log, filterable, with stage timings and an export to JSON. */
export function DiagnosticsPage() {
  const log = useSyncExternalStore(subscribeLog, readLog);
  const device = useDeviceInfo();
  const [minLevel, setMinLevel] = useState<LogLevel>('info');
  const [component, setComponent] = useState('');
  const [text, setText] = useState('');

  const components = useMemo(() => [...new Set(log.map((e) => e.component))].sort(), [log]);
  const shown = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return log
      .filter((e) => LEVELS.indexOf(e.level) >= LEVELS.indexOf(minLevel))
      .filter((e) => !component || e.component === component)
      .filter((e) => !needle || `${e.message} ${e.videoId ?? ''}`.toLowerCase().includes(needle))
      .slice(-SHOWN)
      .reverse();
  }, [log, minLevel, component, text]);
  const videos = useLibraryStore((s) => s.videos);
  const nameOf = (id: string) => videos.find((v) => v.id === id)?.name ?? id;
  const timings = stageTimings(log);
  const cache = cacheFigures(log);

  return (
    <main className="page diagnostics" data-testid="diagnostics.page">
      <div className="video-view__head">
        <button type="button" className="button button--quiet" onClick={showLibrary}>
          ← Library
        </button>
        <h1 className="video-view__title">Diagnostics</h1>
        <button
          type="button"
          className="button"
          onClick={() => void downloadDiagnostics(readSettings().wasmThreads)}
          data-testid="diagnostics.export"
        >
          Export as JSON
        </button>
      </div>
      <p className="diagnostics__note">
        What happened in this session, kept only in this tab. Questions and API keys are never
        logged; the export is yours to share when asking for help.
      </p>
      <section aria-labelledby="diag-device">
        <h2 id="diag-device">This device</h2>
        {device ? <DeviceSummary device={device} /> : <p>Checking…</p>}
      </section>
      <section aria-labelledby="diag-stages">
        <h2 id="diag-stages">Stage timings</h2>
        {timings.length === 0 ? (
          <p>No analysis has finished in this session yet.</p>
        ) : (
          <table className="diagnostics__table" data-testid="diagnostics.timings">
            <thead>
              <tr>
                <th scope="col">Video</th>
                <th scope="col">Stage</th>
                <th scope="col">Outcome</th>
                <th scope="col">Took (s)</th>
                <th scope="col" title="Decoding or model inference, without waiting">
                  Work (s)
                </th>
              </tr>
            </thead>
            <tbody>
              {timings.map((t, i) => (
                <tr key={i}>
                  <td>{nameOf(t.videoId)}</td>
                  <td>{t.stage}</td>
                  <td>{t.state}</td>
                  <td>{t.seconds.toFixed(1)}</td>
                  <td>{t.workSeconds === null ? '—' : t.workSeconds.toFixed(1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p>
          Tool-result cache:{' '}
          {cache.hitRate === null
            ? 'not used yet'
            : `${cache.hits} hits, ${cache.misses} misses (${Math.round(cache.hitRate * 100)} %)`}
        </p>
      </section>
      <SentToGroq />
      <AgentsTook />
      <section aria-labelledby="diag-log">
        <h2 id="diag-log">Log</h2>
        <div className="diagnostics__filters">
          <label>
            Level{' '}
            <select value={minLevel} onChange={(e) => setMinLevel(e.target.value as LogLevel)}>
              {LEVELS.map((level) => (
                <option key={level} value={level}>
                  {level} and above
                </option>
              ))}
            </select>
          </label>
          <label>
            Component{' '}
            <select value={component} onChange={(e) => setComponent(e.target.value)}>
              <option value="">all</option>
              {components.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <input
            type="search"
            placeholder="Filter messages"
            aria-label="Filter messages"
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid="diagnostics.filter"
          />
        </div>
        <ol className="diagnostics__log" data-testid="diagnostics.log">
          {shown.map((e, i) => (
            <li key={`${e.at}-${i}`} data-level={e.level} data-testid="diagnostics.entry">
              <span className="diagnostics__time">{time(e.at)}</span>{' '}
              <span className="diagnostics__level">{e.level}</span>{' '}
              <span className="diagnostics__component">{e.component}</span> {e.message}
              {e.durationMs !== undefined && ` · ${(e.durationMs / 1000).toFixed(2)} s`}
              {e.videoId && <span className="diagnostics__video"> · {e.videoId}</span>}
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
