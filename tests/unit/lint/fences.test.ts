import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The fences in eslint.config.js, each shown to fire: a file that crosses one must fail lint, so a
 * loosened rule (a deleted block, a wider pattern, a block that replaces another) is caught here.
 */
const eslint = new ESLint();

/** The import rules' messages for `code` as if it were the file at `path`. */
async function fenceMessages(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

const CROSSINGS: [string, string, RegExp][] = [
  ['src/components/Fence.tsx', "import Dexie from 'dexie';\nvoid Dexie;", /src\/db/],
  ['src/components/Fence.tsx', "import { db } from '../db';\nvoid db;", /ui tier reaches only/],
  [
    'src/components/Fence.tsx',
    "import { deleteVideo } from '../library/import-actions';\nvoid deleteVideo;",
    /ui tier reaches only/,
  ],
  [
    'src/automation/fence.ts',
    "import { analyseVideo } from '../pipeline/analysis-queue';\nvoid analyseVideo;",
    /ui tier reaches only/,
  ],
  ['src/components/Fence.tsx', "import { MODEL } from '../../models';\nvoid MODEL;", /model specs/],
  ['src/shared/fence.ts', "import { useState } from 'react';\nvoid useState;", /Main-thread only/],
  ['src/shared/fence.ts', "import Dexie from 'dexie';\nvoid Dexie;", /Main-thread only/],
  ['src/shared/fence.ts', "import { db } from '../db';\nvoid db;", /imports only src\/shared/],
  ['src/db/fence.ts', "import { askBri } from '../agent/app-ask';\nvoid askBri;", /sits below/],
  ['src/features/fence.ts', "import { App } from '../app/App';\nvoid App;", /sits below/],
  ['src/agent/fence.ts', "import { proxy } from 'comlink';\nvoid proxy;", /src\/bridges/],
  [
    'src/pipeline/fence.ts',
    "import type { MediaWorkerApi } from '../../workers/media.worker';\nexport type X = MediaWorkerApi;",
    /through src\/bridges/,
  ],
  ['workers/fence.ts', "import { db } from '../src/db';\nvoid db;", /only src\/shared/],
  ['workers/fence.ts', "import { create } from 'zustand';\nvoid create;", /Main-thread only/],
  [
    'tests/e2e/fence.spec.ts',
    'export const f = () => window.bri.listVideos();',
    /through the fixtures/,
  ],
  [
    'tests/e2e/fence.spec.ts',
    "import type { Page } from '@playwright/test';\nexport const f = (page: Page) => page.getByTestId('chat.send');",
    /page objects/,
  ],
  [
    'tests/e2e/fence.spec.ts',
    "import type { Page } from '@playwright/test';\nexport const f = (page: Page) => page.waitForTimeout(100);",
    /Never sleep/,
  ],
  ['tests/e2e/fence.spec.ts', 'export const t = Date.now();', /never time/],
];

describe('the fences', () => {
  it.each(CROSSINGS)('%s: %s fails lint', async (path, code, message) => {
    const messages = await fenceMessages(path, code);
    expect(
      messages.some((m) => message.test(m)),
      messages.join('\n'),
    ).toBe(true);
  });

  it('lets the UI in through its door', async () => {
    const code = [
      "import { deleteVideo } from '../features/library';",
      "import { useLibraryStore } from '../store/library-store';",
      "import { formatBytes } from '../shared/format';",
      'void deleteVideo; void useLibraryStore; void formatBytes;',
    ].join('\n');
    expect(await fenceMessages('src/components/Fence.tsx', code)).toEqual([]);
  });
});
