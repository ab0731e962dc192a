import { z } from 'zod';
import { getFrame as readFrame, nearestFrame } from '../../db';
import { frameId, parseFrameId } from '../frame-id';
import { requireInside, SECONDS, VIDEO_ID, videoForMoment } from '../scope';
import { defineTool, ToolError } from '../tool';

/** A stored frame to show: by its id, or the one nearest a moment. */
export const getFrame = defineTool({
  name: 'get_frame',
  showsVideo: true,
  description:
    'A frame image to show the user: the stored frame nearest t (seconds), or the one a ' +
    'frame_id names. Returns frame_id, its exact time t, size and a thumbnail_url.',
  parameters: z
    .object({
      video_id: VIDEO_ID,
      t: SECONDS.optional().describe('The moment, seconds from the start.'),
      frame_id: z.string().optional().describe('A frame_id another tool returned.'),
    })
    .refine((args) => args.t !== undefined || args.frame_id !== undefined, {
      message: 'Give t (seconds) or a frame_id.',
    }),
  async execute({ video_id, t, frame_id }, context) {
    const wanted = frame_id ? parseFrameId(frame_id) : null;
    const video = await videoForMoment(wanted?.videoId ?? video_id, context);
    const at = wanted?.t ?? t ?? 0;
    requireInside(video, at);
    const frame = wanted
      ? await readFrame(video.id, wanted.t, context.db)
      : await nearestFrame(video.id, at, context.db);
    if (!frame)
      throw new ToolError(
        wanted ? 'not_found' : 'not_ready',
        wanted
          ? `No stored frame ${frame_id}.`
          : `No frames of "${video.name}" are stored yet (still processing).`,
      );
    return {
      video_id: video.id,
      frame_id: frameId(video.id, frame.t),
      t: frame.t,
      width: frame.width,
      height: frame.height,
      thumbnail_url: context.frameUrl(frameId(video.id, frame.t), frame.blob),
    };
  },
});
