/** Where keyboard focus is in the timeline: lane and block index. */
export interface Cursor {
  lane: number;
  block: number;
}

/**
 * The block an arrow key moves to: along the lane (Left/Right, Home/End), or to the next lane
 * with blocks (Up/Down), landing on the block nearest in time. Null for any other key.
 */
export function moveCursor(
  lanes: { blocks: { start: number }[] }[],
  from: Cursor,
  key: string,
): Cursor | null {
  const lane = lanes[from.lane];
  if (!lane) return null;
  const last = lane.blocks.length - 1;
  if (key === 'ArrowRight') return { ...from, block: Math.min(last, from.block + 1) };
  if (key === 'ArrowLeft') return { ...from, block: Math.max(0, from.block - 1) };
  if (key === 'Home') return { ...from, block: 0 };
  if (key === 'End') return { ...from, block: last };
  if (key !== 'ArrowDown' && key !== 'ArrowUp') return null;
  const step = key === 'ArrowDown' ? 1 : -1;
  const at = lane.blocks[from.block]?.start ?? 0;
  for (let i = from.lane + step; i >= 0 && i < lanes.length; i += step) {
    const blocks = lanes[i]?.blocks ?? [];
    if (blocks.length === 0) continue;
    let nearest = 0;
    blocks.forEach((b, j) => {
      if (Math.abs(b.start - at) < Math.abs((blocks[nearest]?.start ?? 0) - at)) nearest = j;
    });
    return { lane: i, block: nearest };
  }
  return from;
}
