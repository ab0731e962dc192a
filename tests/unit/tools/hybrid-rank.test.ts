import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/shared/seeded-random';
import { normalize, quantize } from '../../../src/shared/vector-codec';
import { indexTerms } from '../../../src/tools/text/bm25';
import {
  EXACT_SCAN_UP_TO,
  rankHybrid,
  type SearchCorpus,
} from '../../../src/tools/text/hybrid-rank';
import { differingSigns, packVectors, querySigns } from '../../../src/tools/text/packed-vectors';
import { terms } from '../../../src/tools/text/tokenize';

const DIMS = 384;
const MODEL = 'test/minilm';

const unit = (rand: () => number) =>
  normalize(Float32Array.from({ length: DIMS }, () => rand() - 0.5));

/** `toward` moved `share` of the way to `target`, as a unit vector. */
const blend = (toward: Float32Array, target: Float32Array, share: number) =>
  normalize(toward.map((v, i) => v * (1 - share) + (target[i] ?? 0) * share));

interface Passage {
  id: number;
  text: string;
}

/** Videos of random passages, a few of them near the query in meaning or sharing its words. */
function library(videos: number, perVideo: number, query: Float32Array) {
  const rand = seededRandom(7);
  const words = 'bus city park tie coach ball station train road river tree dog market'.split(' ');
  let id = 0;
  return Array.from({ length: videos }, (): SearchCorpus<Passage> => {
    const items: Passage[] = [];
    const vectors = [];
    for (let i = 0; i < perVideo; i++) {
      const text = Array.from({ length: 8 }, () => words[Math.floor(rand() * words.length)]).join(
        ' ',
      );
      items.push({ id: id++, text });
      // One passage in 2,000 means nearly what the query means.
      const near = rand() < 1 / 2000;
      const vector = near ? blend(unit(rand), query, 0.6 + rand() * 0.3) : unit(rand);
      vectors.push({ vector: quantize(vector), model: MODEL });
    }
    return {
      items,
      terms: indexTerms(items.map((item) => terms(item.text))),
      vectors: packVectors(vectors),
    };
  });
}

describe('rankHybrid', () => {
  const query = unit(seededRandom(99));
  const corpora = library(20, 3_000, query); // 60,000 passages: past the exact scan.

  it('finds in a large scope the same best passages as scoring every vector exactly', () => {
    expect(corpora.reduce((n, c) => n + c.items.length, 0)).toBeGreaterThan(EXACT_SCAN_UP_TO);
    for (const words of ['river dog', 'transit hub', 'coach', 'market station tie']) {
      const asked = { vector: query, model: MODEL };
      const coarse = rankHybrid(words, corpora, asked, 12);
      const exact = rankHybrid(words, corpora, asked, 12, { exactUpTo: Infinity });
      expect(coarse).toEqual(exact);
      expect(exact.length).toBe(12);
    }
  });

  it('returns passages sharing no word only above the meaning threshold, best first', () => {
    const ranked = rankHybrid('transit hub', corpora, { vector: query, model: MODEL }, 12);
    expect(ranked.length).toBeGreaterThan(0);
    for (const hit of ranked) expect(hit.semantic).toBeGreaterThanOrEqual(0.4);
    expect(ranked.map((r) => r.score)).toEqual(
      [...ranked.map((r) => r.score)].sort((a, b) => b - a),
    );
  });

  it('ranks vectors of another model by words alone', () => {
    const ranked = rankHybrid('coach', corpora.slice(0, 2), { vector: query, model: 'other' }, 5);
    for (const hit of ranked) {
      expect(hit.semantic).toBeNull();
      expect(hit.keyword).toBeGreaterThan(0);
    }
  });
});

describe('differingSigns', () => {
  it('counts the signs two vectors differ in', () => {
    const vector = unit(seededRandom(3));
    const flipped = vector.map((v, i) => (i % 3 === 0 ? -v : v));
    const packed = packVectors([{ vector: quantize(flipped), model: MODEL }]);
    const expected = Array.from(vector).filter((v, i) => i % 3 === 0 && v !== 0).length;
    expect(packed && differingSigns(packed, 0, querySigns(vector))).toBe(expected);
    expect(packed && differingSigns(packed, 0, querySigns(flipped))).toBe(0);
  });
});
