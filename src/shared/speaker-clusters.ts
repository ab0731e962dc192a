/**
 * Telling voices apart across a whole recording: each stretch of one voice has a vector (the
 * speaker embedder's), and stretches whose vectors lie close are one speaker — "Speaker 2" at
 * 0:40 and at 41:00 alike. Pure functions: the speakers worker runs them, unit tests pin them.
 */

/** One stretch of a single voice (within one segmentation window) and its vector. */
export interface VoicePiece {
  start: number;
  end: number;
  vector: Float32Array;
}

const norm = (v: Float32Array) => Math.sqrt(v.reduce((sum, x) => sum + x * x, 0)) || 1;

/** Cosine distance (0: the same direction, 1: unrelated, 2: opposite). */
export function cosineDistance(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += (a[i] ?? 0) * (b[i] ?? 0);
  return 1 - dot / (norm(a) * norm(b));
}

interface Cluster {
  sum: Float32Array;
  seconds: number;
  members: number[];
}

const centroid = (c: Cluster) => {
  const n = norm(c.sum);
  return c.sum.map((x) => x / n);
};

function add(cluster: Cluster, piece: VoicePiece, index: number): void {
  const weight = piece.end - piece.start;
  const unit = piece.vector.map((x) => x / norm(piece.vector));
  for (let i = 0; i < unit.length; i++)
    cluster.sum[i] = (cluster.sum[i] ?? 0) + (unit[i] ?? 0) * weight;
  cluster.seconds += weight;
  cluster.members.push(index);
}

/**
 * A speaker per piece (1, 2, … in order of first appearance), clustering by cosine distance
 * below `sameBelow`:
 * 1. a pass in time order puts each piece with the nearest cluster, or starts one (linear in
 *    the pieces: an hour of speech is ~2000 of them);
 * 2. clusters closer than `sameBelow` merge, closest first (average voice per cluster);
 * 3. a voice heard for less than `minSeconds` in all joins its nearest (a cough, a stray
 *    window) unless it is the only one;
 * 4. every piece is put again with its nearest final voice.
 */
export function clusterVoices(
  pieces: readonly VoicePiece[],
  { sameBelow, minSeconds = 2 }: { sameBelow: number; minSeconds?: number },
): number[] {
  if (pieces.length === 0) return [];
  const width = pieces[0]!.vector.length;
  let clusters: Cluster[] = [];
  pieces.forEach((piece, index) => {
    let best: Cluster | null = null;
    let bestDistance = Infinity;
    for (const cluster of clusters) {
      const d = cosineDistance(piece.vector, centroid(cluster));
      if (d < bestDistance) [best, bestDistance] = [cluster, d];
    }
    if (!best || bestDistance >= sameBelow) {
      best = { sum: new Float32Array(width), seconds: 0, members: [] };
      clusters.push(best);
    }
    add(best, piece, index);
  });
  const merge = (into: Cluster, from: Cluster) => {
    into.sum = into.sum.map((x, i) => x + (from.sum[i] ?? 0));
    into.seconds += from.seconds;
    into.members.push(...from.members);
    clusters = clusters.filter((c) => c !== from);
  };
  for (;;) {
    let pair: [Cluster, Cluster] | null = null;
    let closest = sameBelow;
    for (let i = 0; i < clusters.length; i++)
      for (let j = i + 1; j < clusters.length; j++) {
        const d = cosineDistance(centroid(clusters[i]!), centroid(clusters[j]!));
        if (d < closest) [pair, closest] = [[clusters[i]!, clusters[j]!], d];
      }
    if (!pair) break;
    merge(pair[0], pair[1]);
  }
  for (const small of [...clusters].sort((a, b) => a.seconds - b.seconds)) {
    if (clusters.length === 1 || small.seconds >= minSeconds) continue;
    const others = clusters.filter((c) => c !== small);
    const nearest = others.reduce((a, b) =>
      cosineDistance(centroid(small), centroid(a)) <= cosineDistance(centroid(small), centroid(b))
        ? a
        : b,
    );
    merge(nearest, small);
  }
  const centres = clusters.map(centroid);
  const nearestOf = pieces.map((piece) => {
    let best = 0;
    centres.forEach((c, i) => {
      if (cosineDistance(piece.vector, c) < cosineDistance(piece.vector, centres[best]!)) best = i;
    });
    return best;
  });
  // Speaker 1 is the first heard.
  const order = new Map<number, number>();
  pieces
    .map((piece, i) => ({ start: piece.start, cluster: nearestOf[i]! }))
    .sort((a, b) => a.start - b.start)
    .forEach(({ cluster }) => {
      if (!order.has(cluster)) order.set(cluster, order.size + 1);
    });
  return nearestOf.map((cluster) => order.get(cluster)!);
}
