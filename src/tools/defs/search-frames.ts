import { formatTimestamp as at, inSpan } from '../moments';
import { z } from 'zod';
import { listEmbeddings, type EmbeddingRecord } from '../../db';
import { dotQuantized, quantize } from '../../shared/vector-codec';
import { frameId } from '../frame-id';
import { TOP_K, VIDEO_ID, videosInScope } from '../scope';
import { memoByVersion, stageDone, withVersions } from '../versioned-memo';
import { round } from '../text-search';
import { defineTool, ToolError } from '../tool';

/** Looks at the frames themselves: CLIP's text tower against every stored frame's image vector. */
export const searchFrames = defineTool({
  name: 'search_frames',
  description:
    'Find frames that look like a description (CLIP image search), e.g. "a crowd at night". ' +
    'Returns frame time t (seconds), 0–1 similarity score and frame_id, best first.',
  parameters: z.object({
    video_id: VIDEO_ID,
    query: z.string().trim().min(1).describe('What the frame should look like.'),
    top_k: TOP_K,
  }),
  cached: { models: ['imageEmbed'] },
  async execute({ video_id, query, top_k }, context) {
    const videos = await videosInScope(video_id, context);
    const notes: string[] = [];
    const rows: EmbeddingRecord[] = [];
    for (const [video, index] of await withVersions(videos, context)) {
      if (!stageDone(index, 'embeddings'))
        notes.push(`The frames of "${video.name}" are not all searchable yet (still processing).`);
      const key = `${context.db.name}|${video.id}|frame`;
      rows.push(
        ...(await memoByVersion(key, index.version, () =>
          listEmbeddings(video.id, 'frame', context.db),
        )),
      );
    }
    if (rows.length === 0) return { query, results: [], notes };
    let query_vector;
    try {
      query_vector = await context.embedQuery(query, 'image');
    } catch (error) {
      throw new ToolError('unavailable', `Image search is unavailable: ${String(error)}`);
    }
    const q = quantize(query_vector.vector);
    const results = rows
      .filter((row) => row.model === query_vector.model && row.values.length === q.values.length)
      .map((row) => ({
        video_id: row.videoId,
        t: row.start,
        score: round(Math.max(0, dotQuantized(q, row))),
        frame_id: frameId(row.videoId, row.start),
      }))
      .sort((a, b) => b.score - a.score || a.t - b.t)
      .slice(0, top_k);
    return { query, results, notes };
  },
  describe({ results }, within) {
    const hits = inSpan(results, within).slice(0, 3);
    return hits.length ? `Frames that look like that: ${hits.map((h) => at(h.t)).join(', ')}.` : '';
  },
});
