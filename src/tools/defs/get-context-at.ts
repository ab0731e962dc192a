import { formatTimestamp as at } from '../moments';
import { z } from 'zod';
import {
  listCaptionsIn,
  listDetectionsIn,
  listOnScreenTextIn,
  listScenes,
  listStages,
  listTranscriptIn,
  nearestFrame,
  speakersView,
  type DetectionRecord,
} from '../../db';
import { STAGE_NAMES } from '../../shared/stages';
import { frameId } from '../frame-id';
import { requireInside, SECONDS, VIDEO_ID, videoForMoment } from '../scope';
import { round } from '../text-search';
import { defineTool, withContentKinds } from '../tool';

/** Objects seen in the window's frames: per label, the best confidence and in how many frames. */
function objectsSeen(rows: DetectionRecord[]) {
  const byLabel = new Map<string, { label: string; max_confidence: number; frames: number }>();
  for (const row of rows) {
    for (const label of new Set(row.objects.map((o) => o.label))) {
      const best = Math.max(...row.objects.filter((o) => o.label === label).map((o) => o.score));
      const entry = byLabel.get(label) ?? { label, max_confidence: 0, frames: 0 };
      entry.max_confidence = round(Math.max(entry.max_confidence, best));
      entry.frames++;
      byLabel.set(label, entry);
    }
  }
  return [...byLabel.values()].sort(
    (a, b) => b.frames - a.frames || a.label.localeCompare(b.label),
  );
}

/** Everything the index knows around one moment: what was said, shown, seen and written. */
export const getContextAt = withContentKinds(
  defineTool({
    name: 'get_context_at',
    description:
      'Everything known around a moment t (seconds): transcript, frame captions, objects, ' +
      'on-screen text, the scene and the nearest frame_id, within ±window_s seconds.',
    parameters: z.object({
      video_id: VIDEO_ID,
      t: SECONDS.describe('The moment, seconds from the start.'),
      window_s: z.number().min(0).max(120).default(5).describe('Seconds either side of t (≤ 120).'),
    }),
    async execute({ video_id, t, window_s }, context) {
      const video = await videoForMoment(video_id, context);
      requireInside(video, t);
      const window = {
        start: Math.max(0, t - window_s),
        end: Math.min(video.duration, t + window_s),
      };
      const { db } = context;
      const [segments, captions, detections, texts, scenes, frame, stages] = await Promise.all([
        listTranscriptIn(video.id, window, db),
        listCaptionsIn(video.id, window, db),
        listDetectionsIn(video.id, window, db),
        listOnScreenTextIn(video.id, window, db),
        listScenes(video.id, db),
        nearestFrame(video.id, t, db),
        listStages(video.id, db),
      ]);
      const speakers = await speakersView(video.id, db);
      const scene = scenes.findLast((s) => s.start <= t);
      const lines = texts.flatMap((row) => row.lines.map((line) => line.text));
      return {
        video_id: video.id,
        t,
        window,
        scene: scene ? { index: scene.index, start: scene.start, end: scene.end } : null,
        transcript: segments.map(({ start, end, text }) => {
          const speaker = speakers.nameAt(start, end);
          return { start, end, text, ...(speaker ? { speaker } : {}) };
        }),
        captions: captions.map(({ t: at, caption }) => ({ t: at, caption })),
        objects: objectsSeen(detections),
        on_screen_text: [...new Set(lines)],
        nearest_frame: frame ? { frame_id: frameId(video.id, frame.t), t: frame.t } : null,
        not_indexed_yet: STAGE_NAMES.filter(
          (stage) =>
            !stages.some((row) => row.stage === stage && ['done', 'skipped'].includes(row.state)),
        ),
      };
    },
    describe(c) {
      const said = c.transcript.map((s) => s.text).join(' ');
      const shown = c.on_screen_text.join(' / ');
      const objects = c.objects.map((o) => o.label);
      const parts = [
        said && `someone says “${said}”`,
        objects.length && `I can see ${objects.join(', ')}`,
        shown && `the screen reads “${shown}”`,
      ].filter(Boolean);
      return `Around ${at(c.t)}: ${parts.length ? parts.join('; ') : 'nothing is indexed there yet'}.`;
    },
    /** One section each for what is seen, heard, detected and written, every line with its moment. */
    forModel(c) {
      const none = '(nothing indexed)';
      const lines = [
        `Context of video ${c.video_id} around ${at(c.t)} (${at(c.window.start)}–${at(c.window.end)}):`,
        `Visual: ${c.captions.map((x) => `${at(x.t)} ${x.caption}`).join('; ') || none}`,
        `Audio: ${c.transcript.map((x) => `${at(x.start)} ${x.speaker ? `${x.speaker}: ` : ''}“${x.text}”`).join(' ') || none}`,
        `Objects: ${c.objects.map((o) => `${o.label} (confidence ${o.max_confidence}, ${o.frames} frames)`).join(', ') || none}`,
        `On-screen text: ${c.on_screen_text.map((x) => `“${x}”`).join(', ') || none}`,
      ];
      if (c.not_indexed_yet.length) lines.push(`Not analysed yet: ${c.not_indexed_yet.join(', ')}`);
      return lines.join('\n');
    },
  }),
  {
    transcript: { text: 'transcript', speaker: 'transcript' },
    captions: { caption: 'captions' },
    objects: { label: 'objectNames' },
    on_screen_text: 'onScreenText',
  },
);
