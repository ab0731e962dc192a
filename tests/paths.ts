import { homedir } from 'node:os';
import { resolve } from 'node:path';

/**
 * Test media and models live beside the checkout in ../shared (read-only, never copied into the
 * repo). BRI_SHARED_DIR overrides the location, e.g. on a machine with a different layout.
 */
export const SHARED_DIR = resolve(
  process.env.BRI_SHARED_DIR ?? resolve(import.meta.dirname, '../../shared'),
);
export const MEDIA_DIR = resolve(SHARED_DIR, 'media');
export const MODELS_DIR = resolve(SHARED_DIR, 'models');

/** The speakers stage's fixture models, made by scripts/make-speaker-models.mjs (never committed). */
export const SPEAKER_MODELS_DIR = resolve(
  process.env.BRI_SPEAKER_MODELS_DIR ?? resolve(homedir(), '.cache', 'bri', 'speaker-models'),
);

/** Path of a file in ../shared/media. */
export function mediaPath(name: string): string {
  return resolve(MEDIA_DIR, name);
}
