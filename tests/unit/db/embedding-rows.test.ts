import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BriDatabase,
  clearStageRows,
  listEmbeddings,
  putEmbeddings,
  type EmbeddingRecord,
  type EmbeddingSource,
} from '../../../src/db';
import { dequantize, quantize } from '../../../src/shared/vector-codec';

function row(videoId: string, source: EmbeddingSource, key: string, vector: number[]) {
  const { values, scale } = quantize(Float32Array.from(vector));
  const record: EmbeddingRecord = {
    videoId,
    source,
    key,
    start: Number(key),
    end: Number(key),
    text: source === 'frame' ? '' : `text ${key}`,
    model: 'test/model',
    values,
    scale,
    lineage: {
      tool: 'test/model',
      version: 'main',
      parameters: {},
      device: 'wasm',
      appVersion: 'test',
    },
  };
  return record;
}

describe('embedding rows', () => {
  let db: BriDatabase;
  beforeEach(() => {
    db = new BriDatabase(`test-${crypto.randomUUID()}`);
  });
  afterEach(() => db.delete());

  it('keeps the int8 vector and its scale through IndexedDB', async () => {
    await putEmbeddings([row('a', 'frame', '1', [0.6, -0.8])], db);
    const [stored] = await listEmbeddings('a', 'frame', db);
    expect(stored?.values).toBeInstanceOf(Int8Array);
    const restored = dequantize(stored!);
    expect(restored[0]).toBeCloseTo(0.6, 2);
    expect(restored[1]).toBeCloseTo(-0.8, 2);
  });

  it('lists one source or all, and a re-write of the same key replaces the row', async () => {
    await putEmbeddings(
      [
        row('a', 'frame', '1', [1, 0]),
        row('a', 'caption', '1', [0, 1]),
        row('b', 'frame', '1', [1, 0]),
      ],
      db,
    );
    await putEmbeddings([row('a', 'frame', '1', [0, 1])], db);
    expect(await listEmbeddings('a', 'frame', db)).toHaveLength(1);
    expect(await listEmbeddings('a', undefined, db)).toHaveLength(2);
    expect(dequantize((await listEmbeddings('a', 'frame', db))[0]!)[1]).toBeGreaterThan(0);
  });

  it('clearing the embeddings stage removes only that video’s vectors', async () => {
    await putEmbeddings([row('a', 'text', '2', [1, 0]), row('b', 'text', '2', [1, 0])], db);
    await clearStageRows('a', 'embeddings', db);
    expect(await listEmbeddings('a', undefined, db)).toEqual([]);
    expect(await listEmbeddings('b', undefined, db)).toHaveLength(1);
  });
});
