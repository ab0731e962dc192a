import {
  addVideo,
  getVideo,
  readVideoRows,
  restoreVideoRows,
  finishFramesStage,
  finishObjectsStage,
  finishTextStage,
  putCaption,
  putDetections,
  putEmbeddings,
  putFrame,
  putOnScreenText,
  putStage,
  putTranscriptChunk,
  type EmbeddingRecord,
} from '../../db';
import { mergeDetectionRanges, rangeGap } from '../../pipeline/object-tracks';
import { embedQuery } from '../../pipeline/embed-query';
import { STAGE_NAMES } from '../../shared/stages';
import type { Lineage } from '../../shared/lineage';
import { seededRandom } from '../../shared/seeded-random';
import { normalize, quantize } from '../../shared/vector-codec';

const LINEAGE: Lineage = {
  tool: 'synthetic-index',
  version: '1',
  parameters: {},
  device: 'cpu',
  appVersion: __APP_VERSION__,
};
const WORDS = (
  'bus city street people crowd tie suit football coach ball sport transport station train ' +
  'ticket passenger driver road traffic light bridge river park tree dog bicycle market ' +
  'shop window building tower museum history lecture slide chapter summary question answer'
).split(' ');
const LABELS = ['person', 'bus', 'car', 'tie', 'dog', 'bicycle', 'traffic light', 'bench'];
const FRAME_EVERY_S = 2;
const SEGMENT_S = 4;
const CHUNK_S = 30;

/**
 * `npm run bench`'s tool-latency fixture: a video of `minutes` whose index is generated straight
 * into IndexedDB (frames every 2 s, a segment every 4 s, detections, on-screen text and vectors
 * of the current embedding models' sizes) through the same validated writes the stages use.
 * There is no file behind it: tools that decode the video can't run on it.
 */
export async function seedSyntheticIndex(minutes: number): Promise<string> {
  const rand = seededRandom(42);
  const pick = <T>(items: T[]) => items[Math.floor(rand() * items.length)] as T;
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const duration = minutes * 60;
  const id = `synthetic-${crypto.randomUUID()}`;
  const poster = new Blob([new Uint8Array(64)], { type: 'image/webp' });
  await addVideo(
    {
      id,
      name: `synthetic-${minutes}min.mp4`,
      size: 0,
      type: 'video/mp4',
      container: 'mp4',
      duration,
      width: 640,
      height: 360,
      fps: 25,
      hasAudio: true,
      videoCodec: 'avc',
      audioCodec: 'aac',
      demuxer: 'mediabunny',
      storage: 'idb',
      createdAt: Date.now(),
    },
    { videoId: id, blob: poster, width: 480, height: 270, t: 0 },
    null,
  );
  const [text, image] = await Promise.all([embedQuery('x', 'text'), embedQuery('x', 'image')]);
  const vector = (dims: number) =>
    quantize(normalize(Float32Array.from({ length: dims }, () => rand() - 0.5)));
  const embeddings: EmbeddingRecord[] = [];
  const embed = (
    source: EmbeddingRecord['source'],
    key: string,
    start: number,
    end: number,
    words: string,
    model = text,
  ) =>
    embeddings.push({
      videoId: id,
      source,
      key,
      start,
      end,
      text: words,
      model: model.model,
      ...vector(model.vector.length),
      lineage: LINEAGE,
    });

  const times = Array.from({ length: duration / FRAME_EVERY_S }, (_, i) => i * FRAME_EVERY_S);
  const perFrame = [];
  const slides = new Map<number, string>();
  for (const t of times) {
    await putFrame({
      videoId: id,
      t,
      blob: poster,
      width: 640,
      height: 360,
      sceneIndex: Math.floor(t / 60),
      reason: t % 60 ? 'interval' : 'scene',
      lineage: LINEAGE,
    });
    const caption = `a ${pick(WORDS)} near a ${pick(WORDS)} on the ${pick(WORDS)}`;
    await putCaption({ videoId: id, t, caption, confidence: rand(), lineage: LINEAGE });
    embed('caption', String(t), t, t, caption);
    embed('frame', String(t), t, t, '', image);
    const objects = Array.from({ length: Math.floor(rand() * 4) }, () => ({
      label: pick(LABELS),
      score: 0.3 + rand() * 0.7,
      box: [0, 0, 10, 10] as [number, number, number, number],
    }));
    await putDetections({ videoId: id, t, objects, lineage: LINEAGE });
    perFrame.push({ t, objects });
    if (t % 20 === 0) slides.set(t, `chapter ${t / 20} ${sentence(3)}`);
    const line = slides.get(t);
    const lines = line
      ? [{ text: line, score: 0.9, box: [0, 0, 10, 10] as [number, number, number, number] }]
      : [];
    await putOnScreenText({ videoId: id, t, lines, textLike: lines.length > 0, lineage: LINEAGE });
  }
  for (let start = 0; start < duration; start += CHUNK_S) {
    const rows = [];
    for (
      let s = start, index = 0;
      s < Math.min(duration, start + CHUNK_S);
      s += SEGMENT_S, index++
    ) {
      const row = {
        videoId: id,
        chunkStart: start,
        index,
        start: s,
        end: Math.min(duration, s + SEGMENT_S),
        text: sentence(10),
        words: [],
        language: 'en',
        lineage: LINEAGE,
      };
      rows.push(row);
      embed('transcript', `${start}:${index}`, row.start, row.end, row.text);
    }
    await putTranscriptChunk(
      {
        videoId: id,
        start,
        end: Math.min(duration, start + CHUNK_S),
        segments: rows.length,
        language: 'en',
        lineage: LINEAGE,
      },
      rows,
    );
  }
  await putEmbeddings(embeddings);
  const done = {
    videoId: id,
    state: 'done' as const,
    progress: 1,
    detail: null,
    stats: {},
    updatedAt: Date.now(),
  };
  const scenes = Array.from({ length: Math.ceil(duration / 60) }, (_, index) => ({
    videoId: id,
    index,
    start: index * 60,
    end: Math.min(duration, index * 60 + 60),
    lineage: LINEAGE,
  }));
  await finishFramesStage(scenes, { ...done, stage: 'frames' });
  const gap = rangeGap(times);
  await finishObjectsStage(
    mergeDetectionRanges(perFrame, gap).map((r) => ({ videoId: id, ...r, lineage: LINEAGE })),
    { ...done, stage: 'objects' },
  );
  const textFrames = [...slides].map(([t, line]) => ({
    t,
    objects: [{ label: line, score: 0.9 }],
  }));
  const ranges = mergeDetectionRanges(textFrames, gap).map(({ label, ...r }) => ({
    videoId: id,
    text: label,
    ...r,
    lineage: LINEAGE,
  }));
  await finishTextStage(ranges, { ...done, stage: 'text' });
  for (const stage of STAGE_NAMES) await putStage({ ...done, stage });
  return id;
}

/**
 * `npm run bench`'s library of `hours` one-hour videos: one synthetic hour (seedSyntheticIndex),
 * then its rows copied under new ids through the backup's validated restore (seeding each hour
 * afresh would take the bench half an hour). Resolves with the ids, the seeded hour first.
 */
export async function seedSyntheticLibrary(hours: number): Promise<string[]> {
  const first = await seedSyntheticIndex(60);
  const video = await getVideo(first);
  if (!video) throw new Error('The seeded hour is gone');
  const rows = await readVideoRows(first);
  const ids = [first];
  for (let i = 1; i < hours; i++) {
    const id = `${first}-copy-${i}`;
    await restoreVideoRows(
      { ...video, id, name: `synthetic-hour-${i + 1}.mp4`, createdAt: video.createdAt + i },
      rows,
      null,
    );
    ids.push(id);
  }
  return ids;
}
