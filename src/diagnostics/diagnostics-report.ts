import type { DiagnosticsReport, LogEntry, StageTiming } from './diagnostics-types';
import { readLog } from './session-log';

export type { DiagnosticsReport, StageTiming } from './diagnostics-types';

/** Finished stages with a measured duration, in the order they finished. */
export function stageTimings(entries: readonly LogEntry[]): StageTiming[] {
  return entries
    .filter((e) => e.component === 'pipeline' && e.durationMs !== undefined && e.data?.state)
    .map((e) => ({
      videoId: e.videoId ?? '',
      stage: String(e.data?.stage),
      state: String(e.data?.state),
      seconds: Math.round((e.durationMs ?? 0) / 10) / 100,
      workSeconds: typeof e.data?.seconds === 'number' ? e.data.seconds : null,
    }));
}

/** Hits and misses of the tool-result cache (only tools that cache count). */
export function cacheFigures(entries: readonly LogEntry[]): DiagnosticsReport['summary']['cache'] {
  const cacheable = entries.filter((e) => e.component === 'tools' && e.data?.cacheable === true);
  const hits = cacheable.filter((e) => e.data?.cached === true).length;
  const misses = cacheable.length - hits;
  return { hits, misses, hitRate: cacheable.length ? hits / cacheable.length : null };
}

/** The diagnostics of this session, ready to save as JSON. */
export function buildDiagnosticsReport(device: DiagnosticsReport['device']): DiagnosticsReport {
  const entries = readLog();
  return {
    format: 'bri-diagnostics',
    appVersion: __APP_VERSION__,
    exportedAt: new Date().toISOString(),
    userAgent: navigator.userAgent,
    device,
    summary: {
      stageTimings: stageTimings(entries),
      toolCalls: entries.filter((e) => e.component === 'tools').length,
      cache: cacheFigures(entries),
      errors: entries.filter((e) => e.level === 'error').length,
    },
    entries,
  };
}
