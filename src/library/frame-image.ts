import { nearestFrame } from '../db';

/** The image of a video's stored frame nearest `t` (a WebP), or null before any is stored. */
export async function nearestFrameImage(videoId: string, t: number): Promise<Blob | null> {
  return (await nearestFrame(videoId, t))?.blob ?? null;
}
