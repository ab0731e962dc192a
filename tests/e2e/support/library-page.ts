import { expect, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { StageName } from '../../../src/automation/bri-contract';

/** ../shared/models, served by the second web server in playwright.config.ts. */
export const MODEL_BASE_URL = `http://localhost:${process.env.BRI_MODEL_PORT ?? 4190}/`;

/** The fixtures for each role without real weights here (random ones in ../shared/models/test). */
export const FIXTURE_MODELS = {
  asr: 'test/whisper-tiny.en-random',
  caption: 'test/vit-gpt2-image-captioning-random',
  textEmbed: 'test/all-MiniLM-L6-v2-random',
  imageEmbed: 'test/clip-vit-base-patch16-random',
  chatLlm: 'test/tiny-llama-chat-random',
  // Fixtures whose graphs compute something real (scripts/make-speaker-models.mjs): speech-like
  // energy, and a voice's average spectral shape.
  speakerSegment: 'speaker-models/pyannote-segmentation-3.0-energy',
  speakerEmbed: 'speaker-models/wespeaker-voxceleb-resnet34-LM-spectral',
};

/** The library screen, driven the way a person uses it. */

export class LibraryPage {
  readonly drop: Locator;
  readonly fileInput: Locator;
  readonly cards: Locator;
  readonly empty: Locator;
  readonly errors: Locator;
  readonly importing: Locator;

  constructor(readonly page: Page) {
    this.drop = page.getByTestId('library.drop');
    this.fileInput = page.getByTestId('library.file-input');
    this.cards = page.getByTestId('library.card');
    this.empty = page.getByTestId('library.empty');
    this.errors = page.getByTestId('library.error');
    this.importing = page.getByTestId('library.importing');
  }

  /**
   * Opens the app with models served from ../shared/models (a self-hosted model base URL, as an
   * offline deployment would). `autoAnalyse: false` keeps imports from starting analysis.
   */
  async open(options: { autoAnalyse?: boolean } = {}): Promise<void> {
    await this.page.goto('/');
    await this.page.waitForFunction(() => typeof window.bri?.importVideo === 'function');
    await expect(this.page.getByText('Ask. Understand. Remember.')).toBeVisible();
    const settings = {
      autoAnalyse: options.autoAnalyse ?? true,
      modelBaseUrl: MODEL_BASE_URL,
      // Real Whisper, captioner and embedder weights can't be fetched here: random-weight
      // fixtures stand in (YOLOX and PaddleOCR are real).
      models: FIXTURE_MODELS,
    };
    await this.page.evaluate((settings) => window.bri.configure(settings), settings);
  }

  /** Runs only the named stages of a video and returns its status once they have ended. */
  async analyse(videoId: string, stages: StageName[]) {
    await this.page.evaluate(([id, stages]) => window.bri.analyse(id, { stages }), [
      videoId,
      stages,
    ] as const);
    return this.page.evaluate((id) => window.bri.status(id), videoId);
  }

  /** Waits until no stage of the video is queued or running, and returns its status. */
  async waitForAnalysis(videoId: string, timeout = 180_000) {
    const settled = ['done', 'skipped', 'failed', 'cancelled', 'not-started'];
    await expect
      .poll(
        async () => {
          const status = await this.page.evaluate((id) => window.bri.status(id), videoId);
          return Object.values(status.stages).every((stage) => settled.includes(stage.state));
        },
        { timeout, intervals: [250] },
      )
      .toBe(true);
    return this.page.evaluate((id) => window.bri.status(id), videoId);
  }

  /** The id of the video with this name. */
  async videoId(name: string): Promise<string> {
    const videos = await this.page.evaluate(() => window.bri.listVideos());
    const video = videos.find((v) => v.name === name);
    if (!video) throw new Error(`${name} is not in the library`);
    return video.id;
  }

  /** Picks a file with the file picker and waits until its import has finished either way. */
  async pick(path: string): Promise<void> {
    await this.fileInput.setInputFiles(path);
    await this.waitForImports();
  }

  async waitForImports(timeout = 60_000): Promise<void> {
    await expect(this.importing).toHaveCount(0, { timeout });
  }

  /** Drops a file on the drop zone, as a drag from the desktop would. */
  async dropFile(path: string, type: string): Promise<void> {
    const base64 = (await readFile(path)).toString('base64');
    const dataTransfer = await this.page.evaluateHandle(
      ({ base64, name, type }) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], name, { type }));
        return transfer;
      },
      { base64, name: basename(path), type },
    );
    await this.drop.dispatchEvent('dragover', { dataTransfer });
    await this.drop.dispatchEvent('drop', { dataTransfer });
    await this.waitForImports();
  }

  card(name: string): Locator {
    return this.cards.filter({ has: this.page.getByRole('heading', { name, exact: true }) });
  }

  /**
   * Deletes a video as a person does, and doesn't wait out the undo window: the card goes at
   * once, then "Delete now" removes it from the device; resolves once it is removed.
   */
  async deleteCard(name: string): Promise<void> {
    await this.card(name).getByTestId('library.delete').click();
    await this.page.getByTestId('library.delete-confirm').click();
    await expect(this.card(name)).toHaveCount(0);
    const deleted = this.deleted(name);
    await deleted.getByTestId('library.delete-now').click();
    await expect(deleted).toHaveCount(0);
  }

  /** Renames a video from its card, as a person types a new name and saves it. */
  async rename(name: string, to: string): Promise<void> {
    await this.card(name).getByTestId('library.rename').click();
    await this.page.getByTestId('library.rename-input').fill(to);
    await this.page.getByTestId('library.rename-save').click();
    await expect(this.page.getByTestId('library.rename-input')).toHaveCount(0);
  }

  /** The undo strip's line for a video just deleted (its Undo and Delete now buttons). */
  deleted(name: string): Locator {
    return this.page.getByTestId('library.deleted').filter({ hasText: `“${name}” deleted.` });
  }
}
