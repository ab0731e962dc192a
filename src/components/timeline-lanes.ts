import type { StageRecord } from '../features/analysis';
import { STAGE_NAMES, type StageName } from '../shared/stages';
import { type VideoTimelineRows } from '../features/video-view';
import { formatDuration } from '../shared/format';
import { speakerName } from '../shared/speaker-turns';

/** One block on a lane: a stretch of the video, named for screen readers and tooltips. */
export interface LaneBlock {
  start: number;
  end: number;
  label: string;
}

/** One row of the timeline. */
export interface Lane {
  id: string;
  title: string;
  blocks: LaneBlock[];
}

/** Object kinds given their own lane (those visible longest). */
const OBJECT_LANES = 4;
/** Blocks per lane at most: more would be narrower than a pixel on any screen. */
const MAX_BLOCKS = 300;

/**
 * Ranges as blocks, in time order, with neighbours closer than 1/MAX_BLOCKS of the video merged
 * (a long video's hundreds of short ranges would otherwise be sub-pixel slivers).
 */
export function mergeForLane(
  ranges: readonly { start: number; end: number; label: string }[],
  duration: number,
): LaneBlock[] {
  const gap = duration / MAX_BLOCKS;
  const blocks: LaneBlock[] = [];
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    const last = blocks.at(-1);
    if (last && range.start - last.end < gap) {
      last.end = Math.max(last.end, range.end);
      if (!last.label.split(', ').includes(range.label)) last.label += `, ${range.label}`;
    } else blocks.push({ ...range });
  }
  return blocks;
}

const span = (start: number, end: number) => `${formatDuration(start)}–${formatDuration(end)}`;

/**
 * The timeline's lanes: chapters (once made), scenes, speech, one per speaker (once told
 * apart), the most-seen objects, and on-screen text.
 */
export function buildLanes(rows: VideoTimelineRows, duration: number): Lane[] {
  const chapters: Lane[] =
    rows.chapters.length > 0
      ? [
          {
            id: 'chapters',
            title: 'Chapters',
            blocks: rows.chapters.map((c, i) => ({ ...c, label: `${i + 1}. ${c.title}` })),
          },
        ]
      : [];
  const lanes: Lane[] = [
    ...chapters,
    {
      id: 'scenes',
      title: 'Scenes',
      blocks: rows.scenes.map((s) => ({ ...s, label: `Scene ${s.index + 1}` })),
    },
    {
      id: 'speech',
      title: 'Speech',
      blocks: mergeForLane(
        rows.speech.map((r) => ({ ...r, label: 'Speech' })),
        duration,
      ),
    },
  ];
  // One lane per speaker once voices were told apart, named as the person named them.
  const speakers = [...new Set(rows.speakers.turns.map((t) => t.speaker))].sort((a, b) => a - b);
  for (const speaker of speakers) {
    const name = speakerName(speaker, rows.speakers.names);
    lanes.push({
      id: `speaker:${speaker}`,
      title: name,
      blocks: mergeForLane(
        rows.speakers.turns
          .filter((t) => t.speaker === speaker)
          .map((t) => ({ ...t, label: name })),
        duration,
      ),
    });
  }
  const seconds = new Map<string, number>();
  for (const o of rows.objects) seconds.set(o.label, (seconds.get(o.label) ?? 0) + o.end - o.start);
  const top = [...seconds].sort((a, b) => b[1] - a[1]).slice(0, OBJECT_LANES);
  for (const [label] of top)
    lanes.push({
      id: `object:${label}`,
      title: label,
      blocks: mergeForLane(
        rows.objects.filter((o) => o.label === label).map((o) => ({ ...o, label })),
        duration,
      ),
    });
  lanes.push({
    id: 'text',
    title: 'On screen',
    blocks: mergeForLane(
      rows.texts.map((t) => ({ ...t, label: `“${t.text}”` })),
      duration,
    ),
  });
  return lanes.map((lane) => ({
    ...lane,
    blocks: lane.blocks.map((b) => ({ ...b, label: `${b.label}, ${span(b.start, b.end)}` })),
  }));
}

/** The stage whose results fill each lane that can be empty. */
const LANE_STAGE: Record<string, StageName> = { scenes: 'frames', speech: 'speech', text: 'text' };

/**
 * What an empty lane says: "none yet" while its stage has yet to run or is running; once it
 * looked and found nothing, that ("no speech", "no text on screen").
 */
export function emptyLaneText(
  laneId: string,
  rows: readonly (Pick<StageRecord, 'state'> | undefined)[],
): string {
  const stage = LANE_STAGE[laneId];
  const row = stage ? rows[STAGE_NAMES.indexOf(stage)] : undefined;
  if (row?.state !== 'done' && row?.state !== 'skipped') return 'none yet';
  return laneId === 'speech' ? 'no speech' : laneId === 'text' ? 'no text on screen' : 'none found';
}
