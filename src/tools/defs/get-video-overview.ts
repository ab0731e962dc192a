import { languageLabel } from '../../shared/language-names';
import { formatTimestamp as at } from '../moments';
import { z } from 'zod';
import {
  countVideoRows,
  listObjectTracks,
  listScenes,
  listStages,
  listTextRanges,
  listTranscriptChunks,
  speakersView,
  type BriDatabase,
  type VideoRecord,
} from '../../db';
import { STAGE_NAMES } from '../../shared/stages';
import { speakingTime } from '../../shared/speaker-turns';
import { VIDEO_ID, videosInScope } from '../scope';
import { defineTool, withContentKinds } from '../tool';
import { memoByVersion, withVersions } from '../versioned-memo';

/** How many objects and on-screen lines an overview lists. */
const TOP_N = 10;

/** The language spoken longest (per transcribed chunk), or null before any speech is transcribed. */
function mainLanguage(chunks: { start: number; end: number; language: string }[]): string | null {
  const seconds = new Map<string, number>();
  for (const { start, end, language } of chunks)
    seconds.set(language, (seconds.get(language) ?? 0) + end - start);
  return [...seconds].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** Objects by how long they are visible in all. */
function topObjects(tracks: { label: string; start: number; end: number }[]) {
  const byLabel = new Map<string, { label: string; seconds: number; ranges: number }>();
  for (const { label, start, end } of tracks) {
    const entry = byLabel.get(label) ?? { label, seconds: 0, ranges: 0 };
    entry.seconds = Math.round((entry.seconds + end - start) * 100) / 100;
    entry.ranges++;
    byLabel.set(label, entry);
  }
  return [...byLabel.values()]
    .sort((a, b) => b.seconds - a.seconds || b.ranges - a.ranges || a.label.localeCompare(b.label))
    .slice(0, TOP_N);
}

/** One video's overview, read fresh (the tool memoises it per index version). */
export async function overviewOf(video: VideoRecord, db: BriDatabase) {
  const [scenes, stages, tracks, texts, chunks, frames, captions, speakers] = await Promise.all([
    listScenes(video.id, db),
    listStages(video.id, db),
    listObjectTracks(video.id, db),
    listTextRanges(video.id, db),
    listTranscriptChunks(video.id, db),
    countVideoRows('frames', video.id, db),
    countVideoRows('captions', video.id, db),
    speakersView(video.id, db),
  ]);
  const state = (stage: string) =>
    stages.find((row) => row.stage === stage)?.state ?? 'not-started';
  return {
    video_id: video.id,
    name: video.name,
    duration: video.duration,
    width: video.width,
    height: video.height,
    has_audio: video.hasAudio,
    language: mainLanguage(chunks),
    indexed: Object.fromEntries(STAGE_NAMES.map((stage) => [stage, state(stage)])),
    chat_ready: state('frames') === 'done',
    scenes: scenes.map(({ index, start, end }) => ({ index, start, end })),
    top_objects: topObjects(tracks),
    on_screen_text: [...new Set(texts.map((r) => r.text))].slice(0, TOP_N),
    // Who spoke and for how long, most first (empty: one voice, or not told apart yet).
    speakers: speakingTime(speakers.turns).map(({ speaker, seconds, turns }) => ({
      name: speakers.nameOf(speaker),
      seconds,
      turns,
    })),
    counts: {
      frames,
      captions,
      transcript_segments: chunks.reduce((sum, chunk) => sum + chunk.segments, 0),
    },
  };
}

/** What a video is (or what the library holds) and how far its analysis has got. */
export const getVideoOverview = withContentKinds(
  defineTool({
    name: 'get_video_overview',
    description:
      'Overview of a video (or of every video when video_id is omitted): name, duration, language ' +
      'spoken, scenes, which analyses are done, the objects visible longest and on-screen text.',
    parameters: z.object({ video_id: VIDEO_ID }),
    async execute({ video_id }, context) {
      const videos = await videosInScope(video_id, context);
      const overviews = (await withVersions(videos, context)).map(([video, index]) => {
        const key = `${context.db.name}|${video.id}|overview`;
        return memoByVersion(key, index.version, () => overviewOf(video, context.db));
      });
      return { videos: await Promise.all(overviews) };
    },
    describe({ videos }) {
      return videos
        .map((v) => {
          const pending = Object.entries(v.indexed)
            .filter(([, state]) => state !== 'done' && state !== 'skipped')
            .map(([stage]) => stage);
          const objects = v.top_objects.slice(0, 4).map((o) => o.label);
          return [
            `“${v.name}” is ${at(v.duration).slice(1, -1)} long with ${v.scenes.length} scenes${v.language ? `, spoken in ${languageLabel(v.language)}` : ''}.`,
            // The slides and titles say what a talk is about better than anything else here.
            v.on_screen_text.length
              ? `On screen: ${v.on_screen_text
                  .slice(0, 6)
                  .map((text) => `“${text}”`)
                  .join(', ')}.`
              : '',
            objects.length ? `Mostly visible: ${objects.join(', ')}.` : '',
            v.speakers.length
              ? `Speakers: ${v.speakers.map((s) => `${s.name} (${at(s.seconds).slice(1, -1)} in ${s.turns} turns)`).join(', ')}.`
              : '',
            pending.length ? `I'm still working on: ${pending.join(', ')}.` : '',
          ]
            .filter(Boolean)
            .join(' ');
        })
        .join('\n');
    },
  }),
  {
    videos: {
      name: 'fileNames',
      top_objects: { label: 'objectNames' },
      speakers: { name: 'transcript' },
      on_screen_text: 'onScreenText',
    },
  },
);
