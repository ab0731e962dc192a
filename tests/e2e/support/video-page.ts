import type { Locator, Page } from '@playwright/test';

/** A video's own view: the player, the timeline, the transcript tab. */
export class VideoPage {
  readonly view: Locator;
  readonly player: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByTestId('video.view');
    this.player = page.getByTestId('player.video');
  }

  /**
   * Plays (muted) from `from` and pauses at the first moment past `until` the player reports;
   * resolves with where it stopped. The video's own clock is the signal: nothing is timed here.
   */
  playUntil(from: number, until: number): Promise<number> {
    return this.player.evaluate(
      async (v: HTMLVideoElement, [start, end]) => {
        v.muted = true;
        v.currentTime = start;
        const past = new Promise<void>((resolve) => {
          const check = () => {
            if (v.currentTime < end) return;
            v.pause();
            v.removeEventListener('timeupdate', check);
            resolve();
          };
          v.addEventListener('timeupdate', check);
        });
        await v.play();
        await past;
        return v.currentTime;
      },
      [from, until] as const,
    );
  }

  /** Where the player is, seconds. */
  playerTime(): Promise<number> {
    return this.player.evaluate((v: HTMLVideoElement) => v.currentTime);
  }
}
