import { formatSpan, inSpan } from '../moments';
import { z } from 'zod';
import { listDetections, listObjectTracksOf, listScenes, type VideoRecord } from '../../db';
import { mergeDetectionRanges, rangeGap, type ObjectRange } from '../../pipeline/object-tracks';
import { COCO_LABELS } from '../../shared/coco-labels';
import { cocoLabelsFor } from '../object-labels';
import { VIDEO_ID, videosInScope } from '../scope';
import { round } from '../text-search';
import { defineTool, ToolError, type ToolContext, withContentKinds } from '../tool';
import { memoByVersion, stageDone, withVersions } from '../versioned-memo';

/** Code-unit order of ids: a library's thousands of ranges sort without locale rules. */
const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Ranges as the objects stage stored them, or re-merged from the frames above a stricter score. */
async function rangesOf(
  video: VideoRecord,
  version: string,
  labels: string[],
  minConfidence: number | undefined,
  context: ToolContext,
): Promise<ObjectRange[]> {
  const { db } = context;
  if (minConfidence === undefined) {
    // Per label: a video's tracks of every label are thousands of rows an hour.
    const perLabel = await Promise.all(
      [...labels]
        .sort()
        .map((label) =>
          memoByVersion(`${db.name}|${video.id}|objects|${label}`, version, () =>
            listObjectTracksOf(video.id, label, db),
          ),
        ),
    );
    return perLabel.flat();
  }
  const detections = await listDetections(video.id, db);
  const frames = detections.map(({ t, objects }) => ({
    t,
    objects: objects.filter((o) => labels.includes(o.label) && o.score >= minConfidence),
  }));
  const gap = rangeGap(detections.map((d) => d.t));
  const shots = { scenes: await listScenes(video.id, db), duration: video.duration };
  return mergeDetectionRanges(frames, gap, shots);
}

/** When a kind of object is visible, as time ranges (from the detector's per-frame results). */
export const findObject = withContentKinds(
  defineTool({
    name: 'find_object',
    description:
      'When is an object visible? Takes an everyday word for one of the 80 COCO classes ' +
      '(person/people, car/vehicle, bus, tie, dog…). Returns time ranges (start/end seconds) with ' +
      'the highest detector confidence (0–1) and how many detections each range merges.',
    parameters: z.object({
      video_id: VIDEO_ID,
      label: z.string().trim().min(1).describe('The object, e.g. "bus", "people", "vehicle".'),
      min_confidence: z
        .number()
        .min(0)
        .max(1)
        .optional()
        .describe('Only detections at least this confident (0–1).'),
    }),
    async execute({ video_id, label, min_confidence }, context) {
      const labels = cocoLabelsFor(label);
      if (labels.length === 0)
        throw new ToolError(
          'invalid_arguments',
          `"${label}" is not an object the detector knows. It knows: ${COCO_LABELS.join(', ')}.`,
        );
      const videos = await videosInScope(video_id, context);
      const ranges = [];
      const notes: string[] = [];
      for (const [video, index] of await withVersions(videos, context)) {
        const done = stageDone(index, 'objects');
        if (!done)
          notes.push(`Objects in "${video.name}" are not all detected yet (still processing).`);
        // While the stage runs there are no stored ranges yet: merge the frames detected so far.
        const threshold = done ? min_confidence : (min_confidence ?? 0);
        for (const range of await rangesOf(video, index.version, labels, threshold, context)) {
          ranges.push({
            video_id: video.id,
            label: range.label,
            start: range.start,
            end: range.end,
            max_confidence: round(range.maxScore),
            count: range.count,
          });
        }
      }
      ranges.sort((a, b) => compareIds(a.video_id, b.video_id) || a.start - b.start);
      return { label, matched_labels: labels, ranges, notes };
    },
    describe({ label, ranges }, within) {
      const seen = inSpan(ranges, within);
      return seen.length
        ? `I can see ${label === 'people' ? 'people' : `a ${label}`} at ${seen.slice(0, 6).map(formatSpan).join(', ')}.`
        : `I couldn't find a ${label}${within ? ' then' : ''}.`;
    },
  }),
  { matched_labels: 'objectNames', ranges: { label: 'objectNames' } },
);
