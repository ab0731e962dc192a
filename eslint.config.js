import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The tiers of src/, top to bottom — ui → features → engine → platform → shared — each a few
 * layers. A folder may import the layers below it (and its own), never one above: the arrows
 * point down, and a wrong one fails lint. Folders on one line share a layer and don't import
 * each other. A tier with `reaches` imports only those folders below it: the UI enters through
 * src/features (its view state from src/store, types and constants from src/shared).
 * `models/` (the model specs) sits with shared. src/README.md draws the map.
 */
const TIERS = [
  {
    tier: 'ui',
    layers: [['app'], ['components', 'automation']],
    reaches: ['features', 'store', 'shared'],
  },
  { tier: 'features', layers: [['features']] },
  {
    tier: 'engine',
    layers: [
      ['webmcp'],
      ['library', 'pwa'],
      ['store'],
      ['agent'],
      ['tools'],
      ['pipeline'],
      ['diagnostics', 'settings'],
    ],
  },
  { tier: 'platform', layers: [['storage'], ['db'], ['bridges']] },
  { tier: 'shared', layers: [['shared']] },
];
const LAYERS = TIERS.flatMap(({ layers }) => layers);
const ALL_FOLDERS = LAYERS.flat();
const tierOf = (folder) => TIERS.find(({ layers }) => layers.flat().includes(folder));

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

/** Libraries of the main thread's UI and data, which code compiled into workers must not import. */
const MAIN_THREAD_ONLY = ['dexie', 'zustand', 'groq-sdk', 'react', 'react-dom'].map((name) => ({
  name,
  message: 'Main-thread only: src/shared and the workers are compiled into the worker build too.',
}));

/** What E2E specs leave to tests/e2e/support (tests/e2e/README.md). */
const SPEC_FENCES = [
  {
    selector: "MemberExpression[object.name='window'][property.name=/^bri/]",
    message: 'Reach window.bri through the fixtures: briOf(page), support/bri-in-page.ts.',
  },
  {
    selector: "CallExpression[callee.property.name='getByTestId']",
    message: 'Test ids live in the page objects: on(page).chat.send (support/parts.ts).',
  },
  {
    selector: 'Literal[value=/data-testid/], TemplateElement[value.raw=/data-testid/]',
    message: 'Test ids live in the page objects (support/parts.ts).',
  },
  {
    selector:
      "CallExpression[callee.property.name='waitForTimeout'], CallExpression[callee.name='setTimeout']",
    message: 'Never sleep: wait on a signal (expect.poll, a locator, the fake Groq request log).',
  },
  {
    selector:
      "MemberExpression[object.name='Date'][property.name='now'], MemberExpression[object.name='performance'][property.name='now']",
    message: 'Tests never time anything: figures belong in npm run bench.',
  },
];

/** An import of folder `name` of src/, from any depth. */
const folderImport = (name) => `^(\\.\\./)+(src/)?${name}(/|$)`;

function layerRules(folder, rank) {
  const above = LAYERS.slice(0, rank).flat();
  const sameRank = LAYERS[rank].filter((other) => other !== folder);
  const { tier, reaches } = tierOf(folder);
  const tierMates = TIERS.find((t) => t.tier === tier).layers.flat();
  const outOfReach = reaches
    ? ALL_FOLDERS.filter((other) => !reaches.includes(other) && !tierMates.includes(other))
    : [];
  const patterns = [
    ...[...above, ...sameRank].map((other) => ({
      regex: folderImport(other),
      message: `src/${folder} sits below src/${other} (see TIERS in eslint.config.js): move the shared piece down, or pass it in.`,
    })),
    ...outOfReach.map((other) => ({
      regex: folderImport(other),
      message: `The ${tier} tier reaches only ${reaches.map((r) => `src/${r}`).join(', ')}: ask src/features for what src/${other} does.`,
    })),
  ];
  // Everything outside src/ a folder may not import either: the workers, and the model specs
  // for the UI (src/features says what it needs of them).
  if (reaches)
    patterns.push({
      regex: '^(\\.\\./)+models(/|$)',
      message: `The ${tier} tier reaches model specs through src/features.`,
    });
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
    // src/shared crosses the thread boundary (the worker build compiles it too): it imports only
    // src/shared, none of the main thread's libraries, and comlink only to teach it AbortSignal
    // (abort-transfer.ts). This block replaces the layer block above for these files, so it
    // names every restriction itself.
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: MAIN_THREAD_ONLY,
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
          paths: MAIN_THREAD_ONLY,
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
    // Specs say what a person does, through the fixtures and page objects (tests/e2e/support):
    // no window.bri, no test ids, no sleeps and no clocks (wait on a signal: expect.poll, a
    // locator, the fake Groq's request log).
    files: ['tests/e2e/**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...SPEC_FENCES],
    },
  },
  {
    // The benchmark drives a page: its page.evaluate callbacks run in the browser.
    files: ['scripts/bench*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
