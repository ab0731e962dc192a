import { formatTimestamp as at, inSpan } from '../moments';
import { z } from 'zod';
import { listCaptions } from '../../db';
import { frameId } from '../frame-id';
import { videosInScope, TOP_K, VIDEO_ID } from '../scope';
import { round, searchTexts, type TextSearch } from '../text-search';
import { defineTool, withContentKinds } from '../tool';

interface CaptionHit {
  t: number;
  caption: string;
}

const CAPTIONS: TextSearch<CaptionHit> = {
  source: 'caption',
  stage: 'captions',
  what: 'frame captions',
  load: async (video, { db }) =>
    (await listCaptions(video.id, db)).map(({ t, caption }) => ({
      key: String(t),
      text: caption,
      item: { t, caption },
    })),
};

/** What the frames show, in words: hybrid search over the stored frame captions. */
export const searchCaptions = withContentKinds(
  defineTool({
    name: 'search_captions',
    description:
      'Search descriptions of what the frames show (one caption per stored frame). Matches words ' +
      'and meaning. Returns frame time t (seconds), caption, 0–1 score and frame_id, best first.',
    parameters: z.object({
      video_id: VIDEO_ID,
      query: z.string().trim().min(1).describe('What to look for, e.g. "a red car".'),
      top_k: TOP_K,
    }),
    cached: { models: ['textEmbed'] },
    async execute({ video_id, query, top_k }, context) {
      const videos = await videosInScope(video_id, context);
      const { ranked, mode, notes } = await searchTexts(CAPTIONS, query, top_k, videos, context);
      return {
        query,
        mode,
        results: ranked.map(({ item, score }) => ({
          video_id: item.video_id,
          t: item.t,
          caption: item.caption,
          score: round(score),
          frame_id: frameId(item.video_id, item.t),
        })),
        notes,
      };
    },
    describe({ results }, within) {
      const hits = inSpan(results, within).slice(0, 3);
      return hits.length
        ? `What the frames show:\n${hits.map((h) => `- ${at(h.t)} ${h.caption}`).join('\n')}`
        : '';
    },
  }),
  { results: { caption: 'captions' } },
);
