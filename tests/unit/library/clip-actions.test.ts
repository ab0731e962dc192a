import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { VideoRecord } from '../../../src/db';

const cut = vi.hoisted(() => ({ calls: [] as { start: number; end: number }[] }));

// The clip worker can't run in Node: the bridge is replaced by one that waits for its signal,
// as a long cut does, and resolves once released.
vi.mock('../../../src/bridges/clip', () => ({
  cutClip: (
    signal: AbortSignal,
    _file: Blob,
    _container: string,
    range: { start: number; end: number },
  ) => {
    cut.calls.push(range);
    return new Promise((resolve, reject) => {
      signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
      setTimeout(
        () =>
          resolve({ bytes: new ArrayBuffer(8), mimeType: 'video/mp4', ...range, method: 'copy' }),
        50,
      );
    });
  },
  joinClips: vi.fn(),
}));
vi.mock('../../../src/storage/video-files', () => ({
  openVideoFile: async () => new Blob(['x']),
}));
const saved = vi.hoisted(() => [] as string[]);
vi.mock('../../../src/storage/save-blob', () => ({
  saveBlob: (_blob: Blob, name: string) => saved.push(name),
}));
const video = {
  id: 'v1',
  name: 'lecture.mp4',
  duration: 300,
  container: 'mp4',
  storage: 'opfs',
} as VideoRecord;
vi.mock('../../../src/db', () => ({ getVideo: async () => video, db: {} }));

const { cancelClip, saveMomentClip } = await import('../../../src/library/clip-actions');
const { mergeRanges, momentRange } = await import('../../../src/library/exports/clips');
const { useClipStore } = await import('../../../src/store/clip-store');

describe('clip ranges', () => {
  it('gives a moment its context either side, inside the video', () => {
    expect(momentRange(20, 20, 2, 300)).toEqual({ start: 18, end: 22 });
    expect(momentRange(1, 5, 2, 300)).toEqual({ start: 0, end: 7 });
    expect(momentRange(299, 299, 2, 300)).toEqual({ start: 297, end: 300 });
  });

  it('orders ranges and merges the ones that overlap or touch', () => {
    expect(
      mergeRanges([
        { start: 138, end: 142 },
        { start: 18, end: 22 },
        { start: 21, end: 25 },
        { start: 25, end: 26 },
      ]),
    ).toEqual([
      { start: 18, end: 26 },
      { start: 138, end: 142 },
    ]);
  });
});

describe('saving a clip', () => {
  beforeEach(() => {
    cut.calls.length = 0;
    saved.length = 0;
    useClipStore.setState({ job: null, context: 2 });
  });

  it('cuts the moment with the chosen context and downloads it under a name with its range', async () => {
    useClipStore.setState({ context: 3 });
    await saveMomentClip(video, 20, 24);
    expect(cut.calls).toEqual([{ start: 17, end: 27 }]);
    expect(saved).toEqual(['lecture 00m17s-00m27s.mp4']);
    expect(useClipStore.getState().job).toMatchObject({ state: 'done', fraction: 1 });
  });

  it('Cancel stops the cut: nothing is downloaded and the job goes', async () => {
    const running = saveMomentClip(video, 20, 20);
    await vi.waitFor(() => expect(cut.calls).toHaveLength(1));
    expect(useClipStore.getState().job?.state).toBe('running');
    cancelClip();
    await running;
    expect(saved).toEqual([]);
    expect(useClipStore.getState().job).toBeNull();
  });
});
