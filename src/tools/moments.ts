/**
 * How BRI writes a moment — `[mm:ss]`, or `[h:mm:ss]` from an hour on — for answers, tool
 * summaries, citations and exports: one pattern, one formatter.
 */

/** `[mm:ss]` or `[h:mm:ss]` (seconds below 60): the one pattern for checking and rendering. */
export const TIMESTAMP = /\[(?:(\d{1,2}):)?(\d{1,3}):([0-5]\d)\]/g;

/** Seconds of a `[mm:ss]` / `[h:mm:ss]` label. */
export function parseTimestamp(label: string): number | null {
  const match = new RegExp(TIMESTAMP.source).exec(label);
  if (!match) return null;
  const [, hours = '0', minutes = '0', seconds = '0'] = match;
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
}

/** `[mm:ss]`, or `[h:mm:ss]` from an hour on: how answers write a moment. */
export function formatTimestamp(t: number): string {
  const total = Math.floor(t);
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `[${h}:${pad(m)}:${pad(s)}]` : `[${pad(m)}:${pad(s)}]`;
}

/** A stretch of video time, seconds. */
export interface TimeSpan {
  start: number;
  end: number;
}

/** Anything a tool returns that happens at a moment or over a span. */
export interface Timed {
  t?: number;
  start?: number;
  end?: number;
}

/** `[00:20]–[01:00]` for a span of a second or more, else its moment. */
export function formatSpan(hit: Timed): string {
  return hit.start !== undefined && hit.end !== undefined && hit.end - hit.start >= 1
    ? `${formatTimestamp(hit.start)}–${formatTimestamp(hit.end)}`
    : formatTimestamp(hit.t ?? hit.start ?? 0);
}

/** The hits that overlap `within` (all of them when it is null). */
export function inSpan<Hit extends Timed>(hits: readonly Hit[], within: TimeSpan | null): Hit[] {
  if (!within) return [...hits];
  return hits.filter(
    (h) => (h.end ?? h.t ?? 0) >= within.start && (h.start ?? h.t ?? 0) <= within.end,
  );
}
