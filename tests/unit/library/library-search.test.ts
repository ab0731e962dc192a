import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { arrangeLibrary } from '../../../src/components/library-order';
import { BriDatabase } from '../../../src/db';
import { searchLibrary } from '../../../src/library/library-search';
import { video } from '../db/video-fixture';
import { seedCity, testContext } from '../tools/seeded-library';

describe('searchLibrary', () => {
  let db: BriDatabase;
  beforeEach(async () => {
    db = new BriDatabase(`library-search-${crypto.randomUUID()}`);
    await seedCity(db, { id: 'city' });
    await seedCity(db, { id: 'city-2', createdAt: 3 });
  });
  afterEach(() => db.delete());

  it('finds what is said and written on screen in every video, each hit with its video', async () => {
    const hits = await searchLibrary('public transport', testContext(db));
    const said = hits.filter((h) => h.kind === 'said');
    const written = hits.filter((h) => h.kind === 'on screen');
    expect(new Set(said.filter((h) => h.t === 30).map((h) => h.video_id))).toEqual(
      new Set(['city', 'city-2']),
    );
    expect(said.find((h) => h.t === 30)?.text).toBe('Public transport keeps the city moving.');
    expect(new Set(written.map((h) => h.video_id))).toEqual(new Set(['city', 'city-2']));
    expect(written.every((h) => h.t === 40 && /public transport/i.test(h.text))).toBe(true);
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });
});

describe('searchLibrary finds objects', () => {
  let db: BriDatabase;
  beforeEach(async () => {
    db = new BriDatabase(`library-search-${crypto.randomUUID()}`);
    await seedCity(db, { id: 'city' });
  });
  afterEach(() => db.delete());

  it('where the detector saw what was asked for, by its everyday word too', async () => {
    for (const query of ['bus', 'vehicles']) {
      const detected = (await searchLibrary(query, testContext(db))).filter(
        (h) => h.kind === 'detected',
      );
      expect(
        detected.map((h) => [h.video_id, h.t, h.text]),
        query,
      ).toContainEqual(['city', 5, 'bus']);
    }
  });
});

describe('arrangeLibrary', () => {
  const videos = [
    { ...video('a', 1), name: 'Zoo trip.mp4', duration: 30 },
    { ...video('b', 3), name: 'lecture 10.mp4', duration: 300 },
    { ...video('c', 2), name: 'Lecture 9.mp4', duration: 60 },
  ];
  it('filters by name in any case and sorts as chosen', () => {
    const names = (order: Parameters<typeof arrangeLibrary>[2], filter = '') =>
      arrangeLibrary(videos, filter, order).map((v) => v.name);
    expect(names('newest')).toEqual(['lecture 10.mp4', 'Lecture 9.mp4', 'Zoo trip.mp4']);
    expect(names('oldest')).toEqual(['Zoo trip.mp4', 'Lecture 9.mp4', 'lecture 10.mp4']);
    expect(names('name')).toEqual(['Lecture 9.mp4', 'lecture 10.mp4', 'Zoo trip.mp4']);
    expect(names('longest')).toEqual(['lecture 10.mp4', 'Lecture 9.mp4', 'Zoo trip.mp4']);
    expect(names('name', ' LECTURE ')).toEqual(['Lecture 9.mp4', 'lecture 10.mp4']);
  });
});
