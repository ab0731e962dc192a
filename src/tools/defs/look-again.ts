import { z } from 'zod';
import { cocoLabelsIn } from '../object-labels';
import { requireInside, SECONDS, VIDEO_ID, videoForMoment } from '../scope';
import { round } from '../text-search';
import { defineTool, type FreshLook, withContentKinds } from '../tool';
import { matchText } from './search-on-screen-text';

/** Frames looked at: t itself and one second either side (a blink or a cut can hide a moment). */
const OFFSETS_S = [-1, 0, 1];

/** What the question asks about that the fresh look did or did not find. */
function answerQuestion(question: string, looks: FreshLook[]) {
  const asked = cocoLabelsIn(question);
  const seen = new Set(looks.flatMap((look) => look.objects.map((o) => o.label)));
  const lines = [...new Set(looks.flatMap((look) => look.text.map((line) => line.text)))];
  return {
    objects_asked: asked,
    objects_seen: asked.filter((label) => seen.has(label)),
    objects_not_seen: asked.filter((label) => !seen.has(label)),
    text_matching: lines.filter((line) => matchText(question, line) >= 0.5),
  };
}

/** Fresh evidence at answer time: the vision models run again on full-resolution frames. */
export const lookAgain = withContentKinds(
  defineTool({
    name: 'look_again',
    description:
      'Look again, closely, at the moment t (seconds): decodes full-resolution frames around t and ' +
      'runs object detection, OCR and captioning afresh. Use it to check a detail the index may ' +
      'have missed; pass the question to get which asked-about objects or words were found.',
    parameters: z.object({
      video_id: VIDEO_ID,
      t: SECONDS.describe('The moment, seconds from the start.'),
      question: z
        .string()
        .trim()
        .min(1)
        .optional()
        .describe('What to check, e.g. "is there a tie?".'),
    }),
    cached: {
      models: ['detect', 'ocr', 'caption'],
      // A look where a model could not run is worth retrying, not keeping.
      keep: (result) =>
        (result as { frames: FreshLook[] }).frames.every((frame) => frame.unavailable.length === 0),
    },
    async execute({ video_id, t, question }, context) {
      const video = await videoForMoment(video_id, context);
      requireInside(video, t);
      const end = Math.max(0, video.duration - 0.05);
      const times = [...new Set(OFFSETS_S.map((d) => Math.min(end, Math.max(0, t + d))))];
      const looks = await context.lookAt(video.id, times, context.signal);
      return {
        video_id: video.id,
        t,
        frames: looks.map((look) => ({
          ...look,
          objects: look.objects.map((o) => ({ ...o, score: round(o.score) })),
          text: look.text.map((line) => ({ ...line, score: round(line.score) })),
        })),
        ...(question ? { question, answer: answerQuestion(question, looks) } : {}),
      };
    },
  }),
  {
    frames: {
      objects: { label: 'objectNames' },
      text: { text: 'onScreenText' },
      caption: 'captions',
    },
    answer: {
      objects_asked: 'objectNames',
      objects_seen: 'objectNames',
      objects_not_seen: 'objectNames',
      text_matching: 'onScreenText',
    },
  },
);
