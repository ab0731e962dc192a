import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*';
/** "4 Dec", "Dec 4", "December 2026", "2026-12-04": a date, as a measurement diary writes it. */
const DATED = new RegExp(
  `\\b\\d{1,2} ${MONTH}\\b|\\b${MONTH} \\d{1,4}\\b|\\b20\\d\\d-\\d\\d-\\d\\d\\b`,
);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mjs|js)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** The comment lines of a source file (line and block comments). */
function commentLines(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => /^\s*(\/\/|\/\*|\*)/.test(line) || /\s\/\/\s/.test(line));
}

describe('the entrances', () => {
  it('the root README is about a page and opens with the two commands', () => {
    const lines = readFileSync('README.md', 'utf8').split('\n');
    expect(lines.length).toBeLessThanOrEqual(150);
    const commands = lines
      .slice(0, 6)
      .join('\n')
      .match(/`npm [^`]+`/g);
    expect(commands).toEqual(['`npm install && npm run dev`', '`npm test`']);
  });

  it('no comment carries a dated measurement: figures go to npm run bench and scripts/README.md', () => {
    const dated = ['src', 'workers', 'models', 'scripts'].flatMap(sourceFiles).flatMap((file) =>
      commentLines(readFileSync(file, 'utf8'))
        .filter((line) => DATED.test(line.replace(/"[^"]*"|`[^`]*`/g, '')))
        .map((line) => `${file}: ${line.trim()}`),
    );
    expect(dated).toEqual([]);
  });
});
