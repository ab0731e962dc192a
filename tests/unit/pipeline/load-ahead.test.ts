import { afterEach, describe, expect, it, vi } from 'vitest';
import { video } from '../db/video-fixture';

/** The captioning worker, mocked at its bridge: which models were asked to load ahead. */
const prepared: string[] = [];
vi.mock('../../../src/bridges/vision', () => ({
  captionFrames: async () => [],
  releaseCaptioner: () => {},
  prepareCaptioner: async (model: { id: string }) => {
    prepared.push(model.id);
  },
}));

const { loadAhead, roomToLoadAhead } = await import('../../../src/pipeline/load-ahead');

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

  it('loads the captioner ahead only where there is room for it', () => {
    vi.stubGlobal('navigator', { deviceMemory: 8 });
    loadAhead(video('a', 1), 'captions');
    expect(prepared).toHaveLength(1);
    vi.stubGlobal('navigator', { deviceMemory: 4 });
    loadAhead(video('b', 1), 'captions');
    vi.stubGlobal('navigator', {});
    loadAhead(video('c', 1), 'captions');
    expect(prepared).toHaveLength(1);
  });

  it('loads nothing ahead for the stages that load quickly themselves', () => {
    vi.stubGlobal('navigator', { deviceMemory: 8 });
    loadAhead(video('a', 1), 'embeddings');
    loadAhead(video('a', 1), 'text');
    expect(prepared).toEqual([]);
  });
});
