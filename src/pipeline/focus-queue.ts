interface Entry {
  videoId: string;
  run: () => Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Runs videos' analyses one at a time (on 2 cores, two decoders at once only slow each other
 * down), oldest first — except that the video the person is looking at goes next.
 */
export class FocusQueue {
  private readonly pending: Entry[] = [];
  private busy = false;
  private focused: string | null = null;

  /** Queues a video's work; resolves or rejects as `run` does, once it has had its turn. */
  enqueue(videoId: string, run: () => Promise<void>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ videoId, run, resolve, reject });
      this.next();
    });
  }

  /** The video on screen now (null: none): its queued work runs before the others'. */
  focus(videoId: string | null): void {
    this.focused = videoId;
  }

  /** Videos waiting, in the order they will run. */
  waiting(): string[] {
    const order = [...this.pending];
    const first = order.findIndex((e) => e.videoId === this.focused);
    if (first > 0) order.unshift(...order.splice(first, 1));
    return order.map((e) => e.videoId);
  }

  private next(): void {
    if (this.busy || this.pending.length === 0) return;
    const [videoId] = this.waiting();
    const index = this.pending.findIndex((e) => e.videoId === videoId);
    const [entry] = this.pending.splice(index, 1);
    if (!entry) return;
    this.busy = true;
    entry
      .run()
      .then(entry.resolve, entry.reject)
      .finally(() => {
        this.busy = false;
        this.next();
      });
  }
}
