import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { ffprobeJson } from '../../ffprobe';
import type { LibraryPage } from './library-page';

/**
 * Writes a file built at test time into the test's output folder, imports it with the picker
 * (expecting no error) and returns its id with ffprobe's duration: the independent truth.
 */
export async function importBuiltFile(
  library: LibraryPage,
  name: string,
  bytes: Buffer,
): Promise<{ id: string; path: string; ffprobeDuration: number }> {
  const path = test.info().outputPath(name);
  writeFileSync(path, bytes);
  const ffprobeDuration = Number(
    ffprobeJson<{ format: { duration: string } }>(path, ['-show_entries', 'format=duration']).format
      .duration,
  );
  await library.pick(path);
  await expect(library.errors).toHaveCount(0);
  return { id: await library.videoId(name), path, ffprobeDuration };
}
