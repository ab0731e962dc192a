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
   * Starts writing down every "ready in …" the video's status says, as it changes (a
   * MutationObserver in the page); `estimatesSeen` reads them back, in seconds.
   */
  async recordEstimates(): Promise<void> {
    await this.page.evaluate(() => {
      const seen: string[] = [];
      (window as { __readyIn?: string[] }).__readyIn = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="video.eta"]')?.textContent ?? null;
        if (text && text !== seen.at(-1)) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  }

  /** The estimates written down since `recordEstimates`, in seconds ("a few seconds" is 5). */
  async estimatesSeen(): Promise<number[]> {
    const texts = await this.page.evaluate(
      () => (window as { __readyIn?: string[] }).__readyIn ?? [],
    );
    return texts.map((text) => {
      if (/a few seconds/.test(text)) return 5;
      const hours = /(\d+) h (\d+) min/.exec(text);
      if (hours) return Number(hours[1]) * 3600 + Number(hours[2]) * 60;
      const minutes = /about (\d+) min/.exec(text);
      if (minutes) return Number(minutes[1]) * 60;
      return Number(/about (\d+) s/.exec(text)?.[1] ?? NaN);
    });
  }

  /** Where the player is, seconds. */
  playerTime(): Promise<number> {
    return this.player.evaluate((v: HTMLVideoElement) => v.currentTime);
  }
}
