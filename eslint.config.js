import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/, top to bottom. A folder may import the folders below it (and its own
 * rank), never one above: the arrows point down, and a wrong one fails lint. Folders on one line
 * share a rank and don't import each other. `models/` (the model specs) sits with shared.
 */
const LAYERS = [
  ['app'],
  ['components'],
  ['pwa'],
  ['automation'],
  ['library'],
  ['store'],
  ['agent'],
  ['tools'],
  ['search'],
  ['pipeline'],
  ['diagnostics', 'settings'],
  ['storage'],
  ['db'],
  ['bridges'],
  ['shared'],
];

/** One import path per library (HOUSE_STYLE 4): which folder alone may import it. */
const LIBRARY_HOMES = [
  {
    name: 'dexie',
    home: ['db'],
    message: 'Use src/db: it is the only module that touches IndexedDB.',
  },
  {
    name: 'comlink',
    home: ['bridges'],
    message:
      'Workers are reached through the typed functions in src/bridges (they wrap callbacks in proxy).',
  },
  { name: 'groq-sdk', home: ['agent'], message: 'Groq is reached only through src/agent.' },
  { name: 'zustand', home: ['store'], message: 'zustand stores live in src/store.' },
];

/** An import of folder `name` of src/, from any depth. */
const folderImport = (name) => `^(\\.\\./)+(src/)?${name}(/|$)`;

function layerRules(folder, rank) {
  const above = LAYERS.slice(0, rank).flat();
  const sameRank = LAYERS[rank].filter((other) => other !== folder);
  const patterns = [...above, ...sameRank].map((other) => ({
    regex: folderImport(other),
    message: `src/${folder} sits below src/${other} (see LAYERS in eslint.config.js): move the shared piece down, or pass it in.`,
  }));
  // Only the bridges start workers; everything else gets typed functions from them.
  if (folder !== 'bridges')
    patterns.push({
      regex: '^(\\.\\./)+workers/',
      message:
        'Reach a worker through src/bridges (types the main thread needs live in src/shared).',
    });
  const paths = LIBRARY_HOMES.filter(({ home }) => !home.includes(folder)).map(
    ({ name, message }) => ({ name, message }),
  );
  return {
    files: [`src/${folder}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
  };
}

export default tseslint.config(
  {
    ignores: ['dist', 'dev-dist', 'node_modules', 'test-results', 'playwright-report', '*.tmp.mjs'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  ...LAYERS.flatMap((folders, rank) => folders.map((folder) => layerRules(folder, rank))),
  {
    // src/shared crosses the thread boundary: it imports nothing of either side, and comlink only
    // to teach it AbortSignal (abort-transfer.ts).
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: '^\\.\\./', message: 'src/shared imports only src/shared.' }],
        },
      ],
    },
  },
  {
    // Workers see only src/shared of the main thread, and never the DOM-side libraries.
    files: ['workers/**/*.ts', 'models/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['dexie', 'zustand', 'groq-sdk', 'react'].map((name) => ({
            name,
            message: 'Main-thread only.',
          })),
          patterns: [
            {
              regex: '^(\\.\\./)+src/(?!shared/)',
              message: 'Workers and model specs import only src/shared of the main thread.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'scripts/**/*.{js,mjs,ts}',
      '*.config.{js,ts}',
      'tests/e2e/**/*.ts',
      'tests/support/**/*.ts',
      'tests/paths.ts',
      'tests/ffprobe.ts',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    // The benchmark drives a page: its page.evaluate callbacks run in the browser.
    files: ['scripts/bench*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
