import { z } from 'zod';
import { getVideo, listVideos, type VideoRecord } from '../db';
import { readOnce } from './call-reads';
import type { ToolContext } from './tool';
import { ToolError } from './tool';

/** `video_id`, the argument every tool takes: omit it to search the whole library. */
export const VIDEO_ID = z
  .string()
  .min(1)
  .optional()
  .describe('The video to look in. Omit it to search every video in the library.');

/** How many results to return. */
export const TOP_K = z
  .number()
  .int()
  .min(1)
  .max(50)
  .default(5)
  .describe('How many results (1–50).');

/** A moment in the video, seconds (float). */
export const SECONDS = z.number().finite().min(0);

/** The videos a call covers: the one named, or the whole library. */
export function videosInScope(
  videoId: string | undefined,
  context: ToolContext,
): Promise<VideoRecord[]> {
  const { db } = context;
  return readOnce(context, `videos ${videoId ?? '*'}`, async () => {
    if (videoId === undefined) return listVideos(db);
    const video = await getVideo(videoId, db);
    if (!video) throw new ToolError('not_found', await unknownVideo(videoId, db));
    return [video];
  });
}

/** Ids listed at most when a call names a video the library doesn't hold. */
const IDS_LISTED = 20;

/** Why `videoId` names nothing, and the ids the caller can use instead. */
async function unknownVideo(videoId: string, db: ToolContext['db']): Promise<string> {
  const videos = await listVideos(db);
  if (videos.length === 0) return `No video with id "${videoId}": the library is empty.`;
  const ids = videos
    .slice(0, IDS_LISTED)
    .map((v) => `"${v.id}" (${v.name})`)
    .join(', ');
  const more = videos.length > IDS_LISTED ? ` and ${videos.length - IDS_LISTED} more` : '';
  return `No video with id "${videoId}" in the library. Its videos: ${ids}${more}.`;
}

/**
 * The one video a moment-based call is about: the one named, or the only video in the library.
 * A moment means nothing across several videos, so then the caller must say which.
 */
export async function videoForMoment(
  videoId: string | undefined,
  context: ToolContext,
): Promise<VideoRecord> {
  const videos = await videosInScope(videoId, context);
  const [only] = videos;
  if (videos.length === 1 && only) return only;
  throw new ToolError(
    videos.length === 0 ? 'not_found' : 'invalid_arguments',
    videos.length === 0
      ? 'The library is empty: import a video first.'
      : 'Several videos are in the library: say which one with video_id.',
  );
}

/** Checks that `t` lies inside the video. */
export function requireInside(video: VideoRecord, t: number): void {
  if (t > video.duration + 0.5)
    throw new ToolError(
      'invalid_arguments',
      `t = ${t} s is past the end of "${video.name}" (${video.duration.toFixed(1)} s long).`,
    );
}
