/** Below this much progress or time, a rate is too noisy to promise anything. */
const MIN_PROGRESS = 0.05;
const MIN_ELAPSED_MS = 3000;

/**
 * Seconds a stage has left at its average rate so far, or null when it is too early to tell
 * (model downloads make the first moments unrepresentative, so the estimate waits for 5 %).
 */
export function estimateSecondsLeft(elapsedMs: number, progress: number): number | null {
  if (progress < MIN_PROGRESS || progress >= 1 || elapsedMs < MIN_ELAPSED_MS) return null;
  return ((elapsedMs / progress) * (1 - progress)) / 1000;
}

/** "about 3 min left", "about 40 s left", "a few seconds left". */
export function describeTimeLeft(seconds: number): string {
  if (seconds < 10) return 'a few seconds left';
  if (seconds < 90) return `about ${Math.round(seconds / 10) * 10} s left`;
  if (seconds < 3600) return `about ${Math.round(seconds / 60)} min left`;
  const hours = Math.floor(seconds / 3600);
  return `about ${hours} h ${Math.round((seconds % 3600) / 60)} min left`;
}
