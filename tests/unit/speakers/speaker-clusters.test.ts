import { describe, expect, it } from 'vitest';
import { clusterVoices, type VoicePiece } from '../../../src/shared/speaker-clusters';

/** A voice: its own direction in 8 dimensions (a shared part too), with a per-piece wobble. */
function voice(seed: number) {
  const base = Float32Array.from({ length: 8 }, (_, i) => (i === seed ? 1 : 0.1));
  return (wobble: number) => base.map((x, i) => x + 0.08 * Math.sin(wobble * 3.1 + i));
}

const piece = (start: number, vector: Float32Array, length = 2): VoicePiece => ({
  start,
  end: start + length,
  vector,
});

describe('clusterVoices', () => {
  const a = voice(1);
  const b = voice(2);

  it('gives the same voice in distant windows one label, numbered by first appearance', () => {
    const pieces = [
      piece(40, b(1)),
      piece(0, a(1)),
      piece(2, a(2)),
      piece(44, b(2)),
      piece(2460, a(3)), // 41:00 — the same person, far away
      piece(2500, b(3)),
    ];
    expect(clusterVoices(pieces, { sameBelow: 0.5 })).toEqual([2, 1, 1, 2, 1, 2]);
  });

  it('keeps one speaker when only one voice is heard', () => {
    const pieces = Array.from({ length: 20 }, (_, i) => piece(i * 3, a(i)));
    expect(new Set(clusterVoices(pieces, { sameBelow: 0.5 }))).toEqual(new Set([1]));
  });

  it('joins a voice heard for under minSeconds to its nearest (a cough is nobody new)', () => {
    const stray = Float32Array.from({ length: 8 }, (_, i) => (i === 0 ? 1 : 0.05));
    const pieces = [
      piece(0, a(1)),
      piece(2, a(2)),
      piece(4, stray, 0.5),
      piece(6, b(1)),
      piece(8, b(2)),
    ];
    const labels = clusterVoices(pieces, { sameBelow: 0.3, minSeconds: 2 });
    expect(new Set(labels).size).toBe(2);
    expect([labels[0], labels[3]]).toEqual([1, 2]);
  });

  it('returns nothing for no pieces', () => {
    expect(clusterVoices([], { sameBelow: 0.5 })).toEqual([]);
  });
});
