import { z } from 'zod';
import { listStages, listVideos } from '../../db';
import { hasPicture } from '../../shared/video-types';
import { STAGE_NAMES, type StageName } from '../../shared/stages';
import { defineTool, withContentKinds } from '../tool';

/** The library's videos: what each is and how far its analysis has got. */
export const listLibraryVideos = withContentKinds(
  defineTool({
    name: 'list_videos',
    description:
      'The videos in the library, newest first: each video_id (what the other tools take), name, ' +
      'duration in seconds, whether it is sound only, the analyses done and those still to come.',
    parameters: z.object({}),
    async execute(_args, { db }) {
      const videos = await listVideos(db);
      const rows = await Promise.all(
        videos.map(async (video) => {
          const stages = await listStages(video.id, db);
          const stateOf = (stage: StageName) => stages.find((s) => s.stage === stage)?.state;
          const analysed = STAGE_NAMES.filter((stage) => stateOf(stage) === 'done');
          const pending = STAGE_NAMES.filter((stage) => {
            const state = stateOf(stage);
            return state !== 'done' && state !== 'skipped';
          });
          return {
            video_id: video.id,
            name: video.name,
            duration: video.duration,
            sound_only: !hasPicture(video),
            analysed,
            not_yet_analysed: pending,
          };
        }),
      );
      return { videos: rows };
    },
    describe({ videos }) {
      return videos.length === 0
        ? 'The library is empty.'
        : `The library holds ${videos.length} ${videos.length === 1 ? 'video' : 'videos'}.`;
    },
  }),
  { videos: { name: 'fileNames' } },
);
