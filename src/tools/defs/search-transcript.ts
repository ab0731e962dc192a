import { formatTimestamp as at, inSpan } from '../moments';
import { z } from 'zod';
import { listTranscript } from '../../db';
import { videosInScope, TOP_K, VIDEO_ID } from '../scope';
import { round, searchTexts, type TextSearch } from '../text-search';
import { defineTool, withContentKinds } from '../tool';

interface Segment {
  start: number;
  end: number;
  text: string;
}

const TRANSCRIPT: TextSearch<Segment> = {
  source: 'transcript',
  stage: 'transcript',
  what: 'transcript',
  load: async (video, { db }) =>
    (await listTranscript(video.id, db)).map(({ chunkStart, index, start, end, text }) => ({
      key: `${chunkStart}:${index}`,
      text,
      item: { start, end, text },
    })),
};

/** What was said: hybrid keyword (BM25, stemmed) + meaning search over transcript segments. */
export const searchTranscript = withContentKinds(
  defineTool({
    name: 'search_transcript',
    description:
      'Search what is said in the video (speech transcript). Matches words (stemmed) and meaning. ' +
      'Returns transcript segments with start/end seconds, text and a 0–1 score, best first.',
    parameters: z.object({
      video_id: VIDEO_ID,
      query: z.string().trim().min(1).describe('Words or a question about what is said.'),
      top_k: TOP_K,
    }),
    cached: { models: ['textEmbed'] },
    async execute({ video_id, query, top_k }, context) {
      const videos = await videosInScope(video_id, context);
      const { ranked, mode, notes } = await searchTexts(TRANSCRIPT, query, top_k, videos, context);
      return {
        query,
        mode,
        results: ranked.map(({ item, score }) => ({ ...item, score: round(score) })),
        notes,
      };
    },
    describe({ results }, within) {
      const hits = inSpan(results, within).slice(0, 3);
      return hits.length
        ? `What is said:\n${hits.map((h) => `- ${at(h.start)} “${h.text}”`).join('\n')}`
        : "I couldn't find that in what is said.";
    },
  }),
  { results: { text: 'transcript' } },
);
