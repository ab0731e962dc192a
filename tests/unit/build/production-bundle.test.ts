import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Names only the bench and test hooks carry (src/automation/test-hooks.ts and what it reaches). */
const TEST_MACHINERY = [
  'benchmarkSeedIndex',
  'benchmarkNaiveFrames',
  'naiveFrames',
  'naive-frames',
  'seedSyntheticIndex',
  'synthetic-index',
  'briTest',
];

function builtText(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(js|mjs|html|json)$/.test(entry.name))
    .map((entry) => {
      const file = join(entry.parentPath, entry.name);
      return { file, text: readFileSync(file, 'utf8') };
    });
}

async function build(mode: 'production' | 'test', outDir: string): Promise<void> {
  await promisify(execFile)('npx', ['vite', 'build', '--mode', mode, '--outDir', outDir], {
    maxBuffer: 16 * 1024 * 1024,
  });
}

describe('the production build', () => {
  const root = mkdtempSync(join(tmpdir(), 'bri-bundle-'));
  beforeAll(async () => {
    await build('production', join(root, 'production'));
    await build('test', join(root, 'test'));
  }, 240_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('carries no bench or test entry point', () => {
    const found = builtText(join(root, 'production')).flatMap(({ file, text }) =>
      TEST_MACHINERY.filter((name) => text.includes(name)).map((name) => `${name} in ${file}`),
    );
    expect(found).toEqual([]);
  });

  it('while the test build has them (so the names above are the right ones to look for)', () => {
    const text = builtText(join(root, 'test'))
      .map((entry) => entry.text)
      .join('\n');
    for (const name of ['benchmarkSeedIndex', 'benchmarkNaiveFrames', 'briTest'])
      expect(text).toContain(name);
  });
});
