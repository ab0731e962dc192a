/**
 * pyannote segmentation-3.0's output, read: per frame one of 7 "powerset" classes — nobody,
 * local speaker 1, 2 or 3 alone, or two of them at once — turned into each local speaker's
 * stretches of voice within the window.
 */

/** Which local speakers each powerset class means. */
const POWERSET: readonly (readonly number[])[] = [[], [0], [1], [2], [0, 1], [0, 2], [1, 2]];

/** A pause this short inside one local speaker's voice doesn't end the stretch. */
const BRIDGE_SECONDS = 0.3;
/** Stretches shorter than this are too short to say whose voice they are. */
const MIN_SECONDS = 0.3;

export interface LocalStretch {
  /** Local speaker in the window (0–2): the same person across windows only after clustering. */
  local: number;
  start: number;
  end: number;
}

/**
 * Each local speaker's stretches in one window, in window time (seconds): `frameSeconds` apart,
 * a frame's time its start. Two speakers at once (overlap) both get the frame.
 */
export function localStretches(
  logits: Float32Array,
  frames: number,
  classes: number,
  frameSeconds: number,
): LocalStretch[] {
  const active: boolean[][] = [[], [], []];
  for (let f = 0; f < frames; f++) {
    let best = 0;
    for (let c = 1; c < classes; c++)
      if ((logits[f * classes + c] ?? -Infinity) > (logits[f * classes + best] ?? -Infinity))
        best = c;
    const on = POWERSET[best] ?? [];
    for (let s = 0; s < 3; s++) active[s]![f] = on.includes(s);
  }
  const stretches: LocalStretch[] = [];
  active.forEach((frameOn, local) => {
    let open: LocalStretch | null = null;
    for (let f = 0; f < frames; f++) {
      if (!frameOn[f]) continue;
      const start = f * frameSeconds;
      const end = (f + 1) * frameSeconds;
      if (open && start - open.end <= BRIDGE_SECONDS) open.end = end;
      else {
        open = { local, start, end };
        stretches.push(open);
      }
    }
  });
  return stretches
    .filter((s) => s.end - s.start >= MIN_SECONDS)
    .sort((a, b) => a.start - b.start || a.local - b.local);
}

/** Longest piece of a stretch embedded as one: long enough to hear a voice, short enough to stay one. */
const PIECE_SECONDS = 2;

/** A stretch cut into pieces of at most PIECE_SECONDS (the last takes any short remainder). */
export function piecesOf(stretch: {
  start: number;
  end: number;
}): { start: number; end: number }[] {
  const length = stretch.end - stretch.start;
  const count = Math.max(1, Math.floor(length / PIECE_SECONDS));
  const step = length / count;
  return Array.from({ length: count }, (_, i) => ({
    start: stretch.start + i * step,
    end: i === count - 1 ? stretch.end : stretch.start + (i + 1) * step,
  }));
}
