import { VIDEO_RECORD, type VideoRecord } from '../../db';
import { CONTAINER_MIME } from '../../shared/video-types';
import { SNIFF_BYTES, sniffContainer, sniffImageType } from '../sniff-container';

/** One video of a backup can't be restored; the reason is written for the person. */
export class SkippedVideoError extends Error {
  override name = 'SkippedVideoError';
}

/** A backed-up video as read from the archive, before any check. */
export interface BackedUpVideo {
  video: Record<string, unknown>;
  file: Blob;
  rows: Partial<Record<string, Record<string, unknown>[]>>;
}

/** Tables whose rows carry an image in `blob`, with the word for it. */
const IMAGE_TABLES: Record<string, string> = { posters: 'poster', frames: 'frame image' };

/** The video's name as the backup gives it, for messages (it may not even be a string). */
export function nameOf(entry: BackedUpVideo): string {
  const { name } = entry.video;
  return typeof name === 'string' && name ? name.slice(0, 200) : 'a video';
}

async function headOf(blob: Blob, bytes: number): Promise<Uint8Array> {
  return new Uint8Array(await blob.slice(0, bytes).arrayBuffer());
}

/** Rows with each image re-typed from its bytes; throws SkippedVideoError for a non-image. */
async function typeImages(
  name: string,
  rows: BackedUpVideo['rows'],
): Promise<BackedUpVideo['rows']> {
  const typed: BackedUpVideo['rows'] = { ...rows };
  for (const [table, word] of Object.entries(IMAGE_TABLES)) {
    const tableRows = rows[table];
    if (!tableRows) continue;
    typed[table] = await Promise.all(
      tableRows.map(async (row) => {
        const { blob } = row;
        if (!(blob instanceof Blob)) return row; // The row schemas say what is missing.
        const type = sniffImageType(await headOf(blob, 12));
        if (!type) {
          throw new SkippedVideoError(
            `“${name}” was not restored: a ${word} in the backup is not an image.`,
          );
        }
        return { ...row, blob: blob.slice(0, blob.size, type) };
      }),
    );
  }
  return typed;
}

/**
 * Checks a backed-up video as BRI's own writers would (its record against the same schema, its
 * file against the container the record names) and types its images from their bytes. Returns
 * what may be restored; throws SkippedVideoError saying why not.
 */
export async function checkBackedUpVideo(
  entry: BackedUpVideo,
): Promise<{ video: VideoRecord; file: Blob; rows: BackedUpVideo['rows'] }> {
  const name = nameOf(entry);
  const parsed = VIDEO_RECORD.safeParse(entry.video);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SkippedVideoError(
      `“${name}” was not restored: its record is damaged (${issue?.path.join('.') || 'record'} — ${issue?.message ?? 'invalid'}).`,
    );
  }
  const video = parsed.data;
  if (entry.file.size !== video.size) {
    throw new SkippedVideoError(
      `“${name}” was not restored: its file in the backup is ${entry.file.size} bytes, but the video was ${video.size}.`,
    );
  }
  const sniff = sniffContainer(await headOf(entry.file, SNIFF_BYTES));
  if (sniff.kind !== 'video' || sniff.container !== video.container) {
    throw new SkippedVideoError(
      `“${name}” was not restored: its file in the backup is not the ${video.container.toUpperCase()} video its record describes.`,
    );
  }
  const file = entry.file.slice(0, entry.file.size, CONTAINER_MIME[video.container]);
  return {
    video: { ...video, type: CONTAINER_MIME[video.container] },
    file,
    rows: await typeImages(name, entry.rows),
  };
}
