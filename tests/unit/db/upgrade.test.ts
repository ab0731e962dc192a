import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BriDatabase,
  getPoster,
  listChapters,
  listChatTurns,
  listDetections,
  listStages,
  listTranscript,
  listTranslation,
  listVideos,
  readVideoRows,
  restoreVideoRows,
} from '../../../src/db';
import { readSettings } from '../../../src/settings/settings';
import { executeTool } from '../../../src/tools/registry';
import { testContext } from '../tools/seeded-library';

/**
 * A database written by each schema version BRI shipped (tests/fixtures/db/v<N>.json, made by
 * that version's own code: scripts/make-db-fixtures.mjs), opened by today's code: every row is
 * still there, reads through today's functions, passes today's row checks (a backup of it
 * restores) and answers today's tools; the settings that version stored still apply.
 */

interface StoreDump {
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
  rows: unknown[];
}
interface Fixture {
  schemaVersion: number;
  idbVersion: number;
  stores: Record<string, StoreDump>;
  localStorage: Record<string, string | null>;
}

const DIR = join(import.meta.dirname, '../../fixtures/db');
const FIXTURES = readdirSync(DIR)
  .filter((name) => /^v\d+\.json$/.test(name))
  .map((name) => JSON.parse(readFileSync(join(DIR, name), 'utf8')) as Fixture)
  .sort((a, b) => a.schemaVersion - b.schemaVersion);

/** Blobs and typed arrays back from their JSON form. */
function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (!value || typeof value !== 'object') return value;
  const node = value as Record<string, unknown>;
  if (typeof node.__blob === 'string')
    return new Blob([Buffer.from(node.__blob, 'base64')], { type: String(node.type) });
  if (typeof node.__typed === 'string') {
    const Typed = globalThis[node.__typed as 'Int8Array'];
    return new Typed(node.data as number[]);
  }
  return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, decode(child)]));
}

/** Writes the fixture's stores and rows with the raw IndexedDB API, at its own version. */
async function writeRaw(name: string, fixture: Fixture): Promise<void> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name, fixture.idbVersion);
    request.onupgradeneeded = () => {
      for (const [store, dump] of Object.entries(fixture.stores)) {
        const created = request.result.createObjectStore(store, {
          keyPath: dump.keyPath,
          autoIncrement: dump.autoIncrement,
        });
        for (const index of dump.indexes)
          created.createIndex(index.name, index.keyPath, {
            unique: index.unique,
            multiEntry: index.multiEntry,
          });
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const names = Object.keys(fixture.stores);
  const tx = idb.transaction(names, 'readwrite');
  for (const store of names)
    for (const row of fixture.stores[store]?.rows ?? []) tx.objectStore(store).put(decode(row));
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  idb.close();
}

const rowsIn = (fixture: Fixture, store: string) => fixture.stores[store]?.rows.length ?? 0;

const opened: BriDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
  localStorage.clear();
});

describe('upgrading a database of every shipped schema version', () => {
  it('has a fixture for each version from 6 to today’s', () => {
    const today = new BriDatabase('bri-version-probe').verno;
    expect(FIXTURES.map((f) => f.schemaVersion)).toEqual(
      Array.from({ length: today - 5 }, (_, i) => i + 6),
    );
  });

  for (const fixture of FIXTURES) {
    it(`v${fixture.schemaVersion}: every video, stage, row, turn and setting is there and usable`, async () => {
      const name = `bri-upgrade-v${fixture.schemaVersion}-${crypto.randomUUID()}`;
      await writeRaw(name, fixture);
      const db = new BriDatabase(name);
      opened.push(db);
      await db.open();

      // Every row of every table the old version had is still there.
      for (const store of Object.keys(fixture.stores))
        expect(await db.table(store).count(), store).toBe(rowsIn(fixture, store));

      // It reads through today's functions.
      const [video] = await listVideos(db);
      expect(video?.id).toBe('city');
      const id = video?.id ?? '';
      expect(await getPoster(id, db)).toBeDefined();
      expect((await listStages(id, db)).length).toBe(rowsIn(fixture, 'stages'));
      const transcript = await listTranscript(id, db);
      expect(transcript.length).toBe(rowsIn(fixture, 'transcriptSegments'));
      expect(transcript[0]?.text).toBe('Welcome to the city tour.');
      expect((await listDetections(id, db)).length).toBe(rowsIn(fixture, 'detections'));
      expect((await listChatTurns(id, db)).length).toBe(rowsIn(fixture, 'chatTurns'));
      expect((await listChapters(id, db)).length).toBe(rowsIn(fixture, 'chapters'));
      expect((await listTranslation(id, 'French', db)).length).toBe(
        rowsIn(fixture, 'translations'),
      );

      // Today's row checks pass: a backup of it restores, whole, into a fresh database.
      const copy = new BriDatabase(`${name}-restored`);
      opened.push(copy);
      if (video) await restoreVideoRows(video, await readVideoRows(id, db), null, copy);
      expect(await copy.transcriptSegments.count()).toBe(transcript.length);

      // Today's tools answer from it.
      const context = testContext(db);
      const said = await executeTool('search_transcript', { query: 'city tour' }, context);
      expect(said.ok && JSON.stringify(said.result)).toContain('Welcome to the city tour.');
      const bus = await executeTool('find_object', { video_id: id, label: 'bus' }, context);
      expect(bus.ok && (bus.result as { ranges: unknown[] }).ranges.length).toBeGreaterThan(0);
      const overview = await executeTool('get_video_overview', { video_id: id }, context);
      const counted =
        overview.ok &&
        (overview.result as {
          videos: { counts: { transcript_segments: number }; language: string | null }[];
        });
      expect(counted && counted.videos[0]?.counts.transcript_segments).toBe(transcript.length);
      expect(counted && counted.videos[0]?.language).toBe('en');
      const around = await executeTool('get_context_at', { video_id: id, t: 5 }, context);
      expect(around.ok && JSON.stringify(around.result)).toContain('blue bus');

      // The settings it stored still apply.
      localStorage.setItem('bri.settings', fixture.localStorage['bri.settings'] ?? '{}');
      const settings = readSettings();
      expect(settings.modelSet).toBe('accurate');
      expect(settings.autoAnalyse).toBe(false);
      const storedKey = JSON.parse(fixture.localStorage['bri.settings'] ?? '{}').groqApiKey;
      expect(settings.groqApiKey).toBe(storedKey ?? null);
    });
  }
});
