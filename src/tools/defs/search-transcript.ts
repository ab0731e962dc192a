import { formatTimestamp as at, inSpan } from '../moments';
import { z } from 'zod';
import { listTranscript, speakersView } from '../../db';
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
      speaker: z
        .string()
        .trim()
        .min(1)
        .optional()
        .describe('Only what one speaker said: their name, or "Speaker 2" (or just 2).'),
    }),
    cached: { models: ['textEmbed'] },
    async execute({ video_id, query, top_k, speaker: who }, context) {
      const videos = await videosInScope(video_id, context);
      // One speaker's lines are found among more of the best, then cut to top_k.
      const wanted = who ? Math.max(top_k, 50) : top_k;
      const { ranked, mode, notes } = await searchTexts(TRANSCRIPT, query, wanted, videos, context);
      // Who said it, read fresh (a rename shows at once): not part of the memoised corpus. Only
      // the videos with hits are read (a library-wide search may span a hundred).
      const withHits = [...new Set(ranked.map(({ item }) => item.video_id))];
      const speakers = new Map(
        await Promise.all(
          withHits.map(async (id) => [id, await speakersView(id, context.db)] as const),
        ),
      );
      return {
        query,
        mode,
        results: ranked
          .filter(({ item }) => {
            if (!who) return true;
            const view = speakers.get(item.video_id);
            const asked = view?.find(who) ?? null;
            return asked !== null && view?.numberAt(item.start, item.end) === asked;
          })
          .slice(0, top_k)
          .map(({ item, score }) => {
            const speaker = speakers.get(item.video_id)?.nameAt(item.start, item.end) ?? null;
            return { ...item, ...(speaker ? { speaker } : {}), score: round(score) };
          }),
        notes,
      };
    },
    describe({ results }, within) {
      const hits = inSpan(results, within).slice(0, 3);
      return hits.length
        ? `What is said:\n${hits.map((h) => `- ${at(h.start)} ${h.speaker ? `${h.speaker}: ` : ''}“${h.text}”`).join('\n')}`
        : "I couldn't find that in what is said.";
    },
  }),
  { results: { text: 'transcript', speaker: 'transcript' } },
);
