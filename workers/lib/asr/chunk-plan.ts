/** A stretch of audio sent to Whisper in one call, seconds of video time. */
export interface AsrChunk {
  start: number;
  end: number;
}

/** Whisper hears 30 s at a time. */
export const MAX_CHUNK_SECONDS = 30;

/**
 * Groups speech regions into chunks of at most `maxSeconds`, cutting only in the pauses between
 * regions; a single region longer than that is cut into equal parts. Silence between regions of
 * one chunk is kept (Whisper uses it to place timestamps); silence between chunks is never sent.
 */
export function planChunks(
  regions: { start: number; end: number }[],
  maxSeconds = MAX_CHUNK_SECONDS,
): AsrChunk[] {
  const chunks: AsrChunk[] = [];
  let current: AsrChunk | null = null;
  for (const region of [...regions].sort((a, b) => a.start - b.start)) {
    if (current && region.end - current.start <= maxSeconds) {
      current.end = Math.max(current.end, region.end);
      continue;
    }
    if (current) chunks.push(current);
    const parts = Math.ceil((region.end - region.start) / maxSeconds);
    const size = (region.end - region.start) / parts;
    for (let i = 0; i < parts - 1; i++)
      chunks.push({ start: region.start + i * size, end: region.start + (i + 1) * size });
    current = { start: region.start + (parts - 1) * size, end: region.end };
  }
  if (current) chunks.push(current);
  return chunks.map(({ start, end }) => ({ start: round(start), end: round(end) }));
}

const round = (t: number) => Math.round(t * 1000) / 1000;
