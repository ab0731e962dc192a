/**
 * Index of the segment being spoken at `t` in start-ordered segments: the last one started that
 * has not ended, or -1 between segments.
 */
export function currentSegmentIndex(
  segments: readonly { start: number; end: number }[],
  t: number,
): number {
  let found = -1;
  for (let i = 0; i < segments.length && (segments[i]?.start ?? Infinity) <= t; i++)
    if ((segments[i]?.end ?? -Infinity) > t) found = i;
  return found;
}
