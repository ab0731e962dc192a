import { ToolError } from './tool';

/**
 * A stored frame's id: its video and exact time, `<video_id>@<t>`. `String(t)` round-trips a
 * double exactly, so the id finds the row by its [videoId+t] key.
 */
export function frameId(videoId: string, t: number): string {
  return `${videoId}@${t}`;
}

/** Splits a frame id back into its video and time. */
export function parseFrameId(id: string): { videoId: string; t: number } {
  const at = id.lastIndexOf('@');
  const t = Number(id.slice(at + 1));
  if (at <= 0 || !Number.isFinite(t))
    throw new ToolError('invalid_arguments', `"${id}" is not a frame id (<video_id>@<seconds>).`);
  return { videoId: id.slice(0, at), t };
}
