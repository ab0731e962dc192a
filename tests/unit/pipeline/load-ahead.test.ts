import { afterEach, describe, expect, it, vi } from 'vitest';
import { video } from '../db/video-fixture';

/** The model workers, mocked at their bridges: which models were asked to load ahead. */
const prepared: string[] = [];
const note = (...args: unknown[]) => {
  const models = args.filter((arg): arg is { id: string } => typeof arg === 'object');
  prepared.push(models.map((model) => model.id).join('+'));
  return Promise.resolve();
};
vi.mock('../../../src/bridges/ocr', () => ({
  readFrames: async () => [],
  releaseTextReader: () => {},
  prepareTextReader: note,
}));
vi.mock('../../../src/bridges/speakers', () => ({
  diarize: async () => ({}),
  releaseDiarizer: () => {},
  prepareDiarizer: note,
}));

const { loadAhead, roomToLoadAhead } = await import('../../../src/pipeline/load-ahead');
const { resolveModel } = await import('../../../models');
const { readSettings } = await import('../../../src/settings/settings');
const idOf = (role: Parameters<typeof resolveModel>[0]) => resolveModel(role, readSettings()).id;

afterEach(() => {
  prepared.length = 0;
  vi.unstubAllGlobals();
});

describe('loading a model ahead of its stage', () => {
  it('needs a device that says it has 8 GB or more', () => {
    expect(roomToLoadAhead(8)).toBe(true);
    expect(roomToLoadAhead(4)).toBe(false);
    expect(roomToLoadAhead(0.5)).toBe(false);
    // Firefox and Safari (iPhones among them) don't say: treated as small.
    expect(roomToLoadAhead(undefined)).toBe(false);
  });

  it('loads ahead only where there is room for it', () => {
    vi.stubGlobal('navigator', { deviceMemory: 8 });
    loadAhead(video('a', 1), 'text');
    expect(prepared).toEqual([idOf('ocr')]);
    vi.stubGlobal('navigator', { deviceMemory: 4 });
    loadAhead(video('b', 1), 'text');
    vi.stubGlobal('navigator', {});
    loadAhead(video('c', 1), 'text');
    expect(prepared).toHaveLength(1);
  });

  it('loads PaddleOCR for on-screen text and both speaker models for the speakers stage', () => {
    vi.stubGlobal('navigator', { deviceMemory: 8 });
    loadAhead(video('a', 1), 'text');
    loadAhead(video('a', 1), 'speakers');
    expect(prepared).toEqual([idOf('ocr'), `${idOf('speakerSegment')}+${idOf('speakerEmbed')}`]);
  });

  it('loads nothing a video cannot use, nor the large models (captioner, embedders)', () => {
    vi.stubGlobal('navigator', { deviceMemory: 8 });
    loadAhead({ ...video('a', 1), hasAudio: false }, 'speakers');
    loadAhead({ ...video('b', 1), hasVideo: false, width: 0, height: 0 }, 'text');
    loadAhead(video('c', 1), 'captions');
    loadAhead(video('c', 1), 'embeddings');
    expect(prepared).toEqual([]);
  });
});
