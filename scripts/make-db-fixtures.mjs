#!/usr/bin/env node
/**
 * `node scripts/make-db-fixtures.mjs [version…]`: writes tests/fixtures/db/v<N>.json, a database
 * written by the code BRI shipped at schema version N, for the upgrade tests
 * (tests/unit/db/upgrade.test.ts). For each version it takes that version's last commit out of
 * git into a temporary folder, runs a small writer there under vitest (with fake-indexeddb and
 * this checkout's node_modules): the old code's own tables, row writers and seeded test library,
 * its own chat turns, chapters and settings where it had them. Then it dumps what IndexedDB
 * holds — stores, indexes, rows (Blobs and typed arrays encoded) — and localStorage.
 *
 * When a new schema version ships, add its last commit to COMMITS and run this once for it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'tests/fixtures/db');

/**
 * The last commit of each shipped schema version (the one before the next version was added).
 * Today's version is HEAD: when the next one is added, pin this one to its last commit.
 */
const COMMITS = {
  6: '4cbeedb~1',
  7: 'cfbb59f~1',
  8: '1f4302e~1',
  9: '02b57b4~1',
  10: 'a992c54',
  11: '82fc182',
  12: 'HEAD',
};

/** The library each version writes: seedCity's city.mp4 where the old tree has it, else by hand. */
const SEED = {
  6: `
import { finishFramesStage, finishObjectsStage, finishTextStage, putCaption, putDetections,
  putFrame, putOnScreenText, putStage, putTranscriptSegments } from '../../src/db';
const video = (id, createdAt) => ({ id, name: id + '.mp4', size: 1000, type: 'video/mp4',
  container: 'mp4', duration: 11.04, width: 640, height: 360, fps: 25, hasAudio: true,
  videoCodec: 'avc', audioCodec: 'aac', demuxer: 'mediabunny', storage: 'idb', createdAt });
const poster = (videoId) => ({ videoId, blob: new Blob(['webp'], { type: 'image/webp' }),
  width: 480, height: 270, t: 1.1 });
const LINEAGE = { tool: 'test', version: '1', parameters: {}, device: 'wasm', appVersion: 'v6' };
const BOX = [10, 10, 100, 100];
async function seed(db) {
  const id = 'city';
  await db.videos.add({ ...video(id, 2), duration: 60 });
  await db.posters.put(poster(id));
  const done = { videoId: id, state: 'done', progress: 1, detail: null, stats: {}, updatedAt: 1 };
  for (const t of [0, 5, 10, 15, 20]) {
    await putFrame({ videoId: id, t, blob: new Blob([new Uint8Array(100 + t)], { type: 'image/webp' }),
      width: 640, height: 360, sceneIndex: 0, reason: t === 0 ? 'scene' : 'interval', lineage: LINEAGE }, db);
    await putCaption({ videoId: id, t, caption: 'a blue bus on a city street', confidence: 0.5, lineage: LINEAGE }, db);
    await putDetections({ videoId: id, t, objects: [{ label: 'bus', score: 0.9, box: BOX }], lineage: LINEAGE }, db);
    await putOnScreenText({ videoId: id, t, lines: [{ text: 'Welcome', score: 0.9, box: BOX }], textLike: true, lineage: LINEAGE }, db);
  }
  await finishFramesStage([{ videoId: id, index: 0, start: 0, end: 60, lineage: LINEAGE }], { ...done, stage: 'frames' }, db);
  await finishObjectsStage([{ videoId: id, label: 'bus', start: 0, end: 20, maxScore: 0.9, count: 5, lineage: LINEAGE }], { ...done, stage: 'objects' }, db);
  await finishTextStage([{ videoId: id, text: 'Welcome', start: 0, end: 20, maxScore: 0.9, count: 5, lineage: LINEAGE }], { ...done, stage: 'text' }, db);
  await putTranscriptSegments([
    { videoId: id, chunkStart: 0, index: 0, start: 0, end: 5, text: 'Welcome to the city tour.', words: [], language: 'en', lineage: LINEAGE },
    { videoId: id, chunkStart: 0, index: 1, start: 5, end: 12, text: 'Here is a blue bus stopping for passengers.', words: [], language: 'en', lineage: LINEAGE },
  ], db);
  for (const stage of ['speech', 'transcript', 'captions']) await putStage({ ...done, stage }, db);
}`,
  seedCity: `
import { seedCity } from './tools/seeded-library';
const seed = (db) => seedCity(db);`,
};

const WRITER = (version, seed) => `
import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { BriDatabase } from '../../src/db';
import { updateSettings } from '../../src/settings/settings';
${seed}

// Older trees' test setup had no localStorage: a plain in-memory one.
if (!globalThis.localStorage) {
  const items = new Map();
  globalThis.localStorage = {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => items.set(key, String(value)),
    removeItem: (key) => items.delete(key),
  };
}

/** Blobs and typed arrays as JSON can hold them. */
async function encode(value) {
  if (value instanceof Blob)
    return { __blob: Buffer.from(await value.arrayBuffer()).toString('base64'), type: value.type };
  if (ArrayBuffer.isView(value)) return { __typed: value.constructor.name, data: [...value] };
  if (Array.isArray(value)) return Promise.all(value.map(encode));
  if (value && typeof value === 'object') {
    const out = {};
    for (const [key, child] of Object.entries(value)) out[key] = await encode(child);
    return out;
  }
  return value;
}

it('writes the v${version} fixture', async () => {
  const db = new BriDatabase('bri-fixture');
  await seed(db);
  const modules = import.meta.glob('../../src/db/*.ts', { eager: true });
  const has = (name) => Object.values(modules).find((m) => typeof m[name] === 'function')?.[name];
  const addChatTurn = has('addChatTurn');
  if (addChatTurn)
    await addChatTurn({ videoId: 'city', question: 'Where is the bus?', answer: 'At [00:05].',
      citations: [{ video_id: 'city', t: 5, label: '[00:05]' }],
      toolCalls: [{ name: 'find_object', arguments: '{"label":"bus"}', ok: true }],
      suggestions: ['What is said?'], mode: 'tools', createdAt: 10 }, db);
  const saveChapters = has('saveChapters');
  if (saveChapters)
    await saveChapters('city', [
      { start: 0, end: 30, title: 'The tour', madeBy: 'scenes', createdAt: 1 },
      { start: 30, end: 60, title: 'The end', madeBy: 'scenes', createdAt: 1 },
    ], db);
  const putTranslations = has('putTranslations');
  if (putTranslations)
    await putTranslations([{ videoId: 'city', language: 'French', key: '0:0', start: 0, end: 5,
      source: 'Welcome to the city tour.', text: 'Bienvenue.', model: 'm', createdAt: 1 }], db);
  // The settings that version had: a Groq key only from when it could hold one.
  try {
    updateSettings({ modelSet: 'accurate', autoAnalyse: false, groqApiKey: 'gsk_fixture_key_0123' });
  } catch {
    updateSettings({ modelSet: 'accurate', autoAnalyse: false });
  }
  const idb = db.backendDB();
  const stores = {};
  for (const name of Array.from(idb.objectStoreNames)) {
    const store = idb.transaction(name).objectStore(name);
    const rows = await new Promise((ok, fail) => {
      const request = store.getAll();
      request.onsuccess = () => ok(request.result);
      request.onerror = () => fail(request.error);
    });
    stores[name] = {
      keyPath: store.keyPath,
      autoIncrement: store.autoIncrement,
      indexes: Array.from(store.indexNames).map((index) => {
        const { keyPath, unique, multiEntry } = store.index(index);
        return { name: index, keyPath, unique, multiEntry };
      }),
      rows: await encode(rows),
    };
  }
  const fixture = { schemaVersion: ${version}, idbVersion: idb.version, stores,
    localStorage: { 'bri.settings': localStorage.getItem('bri.settings') } };
  writeFileSync(process.env.FIXTURE_OUT, JSON.stringify(fixture, null, 1) + '\\n');
});
`;

function build(version) {
  const commit = COMMITS[version];
  const dir = mkdtempSync(join(tmpdir(), `bri-db-v${version}-`));
  try {
    const tar = execFileSync(
      'git',
      ['archive', commit, 'src', 'models', 'workers', 'tests', 'vite.config.ts', 'package.json'],
      { cwd: ROOT, maxBuffer: 1 << 30 },
    );
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    const hasSeedCity =
      execFileSync(
        'git',
        ['ls-tree', '--name-only', commit, 'tests/unit/tools/seeded-library.ts'],
        { cwd: ROOT },
      ).length > 0;
    const writer = join(dir, 'tests/unit/zz-write-fixture.test.ts');
    writeFileSync(writer, WRITER(version, hasSeedCity ? SEED.seedCity : SEED[version]));
    const out = join(OUT, `v${version}.json`);
    execFileSync('npx', ['vitest', 'run', 'tests/unit/zz-write-fixture.test.ts'], {
      cwd: dir,
      env: { ...process.env, FIXTURE_OUT: out },
      stdio: 'inherit',
    });
    console.log(`v${version} (${commit}) → ${out}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

mkdirSync(OUT, { recursive: true });
const asked = process.argv.slice(2).map(Number);
for (const version of asked.length ? asked : Object.keys(COMMITS).map(Number)) build(version);
