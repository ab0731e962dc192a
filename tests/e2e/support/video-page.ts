import type { Locator, Page } from '@playwright/test';

/** A video's own view: the player, the timeline, the transcript tab. */
export class VideoPage {
  readonly view: Locator;
  readonly player: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByTestId('video.view');
    this.player = page.getByTestId('player.video');
  }

  /** Where the player is, seconds. */
  playerTime(): Promise<number> {
    return this.player.evaluate((v: HTMLVideoElement) => v.currentTime);
  }
}
