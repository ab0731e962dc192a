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

  /**
   * Starts writing down every whole-video estimate the status shows (its seconds, before they are
   * rounded into words), as it changes; `estimatesSeen` reads them back.
   */
  async recordEstimates(): Promise<void> {
    await this.page.evaluate(() => {
      const seen: number[] = [];
      (window as { __readyIn?: number[] }).__readyIn = seen;
      new MutationObserver(() => {
        const shown = document.querySelector('[data-testid="video.eta"]');
        const seconds = Number(shown?.getAttribute('data-seconds') ?? NaN);
        if (Number.isFinite(seconds) && seconds !== seen.at(-1)) seen.push(seconds);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
  }

  /** The estimates written down since `recordEstimates`, in seconds. */
  estimatesSeen(): Promise<number[]> {
    return this.page.evaluate(() => (window as { __readyIn?: number[] }).__readyIn ?? []);
  }

  /** Where the player is, seconds. */
  playerTime(): Promise<number> {
    return this.player.evaluate((v: HTMLVideoElement) => v.currentTime);
  }
}
