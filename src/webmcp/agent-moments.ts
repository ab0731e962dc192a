/** A moment an agent can show and open: which video, when, what is there, and BRI's address for it. */
export interface AgentMoment {
  video_id: string;
  start: number;
  end: number;
  label: string;
  /** Opens BRI at this video with the player at `start` (`#/video/<id>?t=<seconds>`). */
  link: string;
}

/** Moments returned at most per call (a long overview lists every scene). */
const MAX_MOMENTS = 50;

/** Where a row says what is there, first found first. */
const LABEL_FIELDS = ['label', 'text', 'caption', 'said', 'seen', 'detected', 'on_screen', 'texts'];

/** BRI's address for a video at a moment: the app's page with `#/video/<id>?t=<seconds>`. */
export function momentLink(videoId: string, t: number, page: string): string {
  const seconds = Math.round(t * 100) / 100;
  return `${page}#/video/${encodeURIComponent(videoId)}?t=${seconds}`;
}

function labelOf(row: Record<string, unknown>, fallback: string): string {
  for (const field of LABEL_FIELDS) {
    const value = row[field];
    if (typeof value === 'string' && value.trim()) return value;
    if (Array.isArray(value) && value.length) return value.map(String).join(' · ');
  }
  return fallback;
}

/**
 * Every moment in a tool's result: each object with a time (`start`/`end`, or `t`) and a video
 * (its own `video_id`, its parent's, or the call's), labelled by what it holds. Read from the
 * result as it leaves — with what the person keeps already withheld.
 */
export function momentsIn(
  result: unknown,
  context: { tool: string; videoId?: string; page: string },
): AgentMoment[] {
  const moments: AgentMoment[] = [];
  const seen = new Set<string>();
  const visit = (value: unknown, videoId: string | undefined) => {
    if (moments.length >= MAX_MOMENTS || !value || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      value.forEach((item) => visit(item, videoId));
      return;
    }
    const row = value as Record<string, unknown>;
    const video = typeof row.video_id === 'string' ? row.video_id : videoId;
    const start = typeof row.start === 'number' ? row.start : row.t;
    if (video && typeof start === 'number' && Number.isFinite(start)) {
      const end = typeof row.end === 'number' ? row.end : start;
      const label = labelOf(row, context.tool);
      const key = `${video}|${start}|${end}|${label}`;
      if (!seen.has(key)) {
        seen.add(key);
        moments.push({
          video_id: video,
          start,
          end,
          label,
          link: momentLink(video, start, context.page),
        });
      }
    }
    for (const child of Object.values(row)) visit(child, video);
  };
  visit(result, context.videoId);
  return moments;
}
