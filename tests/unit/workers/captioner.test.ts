// @vitest-environment node
import { env, pipeline, type ImageToTextPipeline } from '@huggingface/transformers';
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { captionImages, type LoadedCaptioner } from '../../../workers/lib/caption/captioner';
import { MODELS_DIR, mediaPath } from '../../paths';

// The random-weight captioner fixture (../shared/models/test), run by transformers.js in Node:
// its words are garbage, so this checks batching against one-at-a-time, never the words.
const PHOTOS = ['bus.jpg', 'zidane.jpg', 'dog.jpg'];

describe('batched captions', () => {
  let loaded: LoadedCaptioner;
  let photos: Blob[];
  beforeAll(async () => {
    env.localModelPath = `${MODELS_DIR}/`;
    env.allowRemoteModels = false;
    const captioner = (await pipeline('image-to-text', 'test/vit-gpt2-image-captioning-random', {
      dtype: 'q8',
    })) as ImageToTextPipeline;
    loaded = { captioner, device: 'wasm', dtype: 'q8' };
    photos = await Promise.all(
      PHOTOS.map(async (name) => new Blob([await readFile(mediaPath(`photos/${name}`))])),
    );
  });

  it('gives each image the caption and confidence it gets alone', async () => {
    const batched = await captionImages(loaded, photos);
    expect(batched).toHaveLength(PHOTOS.length);
    for (const [i, photo] of photos.entries()) {
      const [alone] = await captionImages(loaded, [photo]);
      expect(batched[i]?.caption).toBe(alone?.caption);
      expect(batched[i]?.confidence).toBeCloseTo(alone?.confidence ?? -1, 4);
      expect(alone?.confidence).toBeGreaterThan(0);
      expect(alone?.confidence).toBeLessThanOrEqual(1);
    }
  });
});
