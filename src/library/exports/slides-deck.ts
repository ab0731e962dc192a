import { frameAt } from '../../bridges/media';
import {
  listFrames,
  listOnScreenText,
  listTranscript,
  speakersView,
  type BriDatabase,
  type VideoRecord,
} from '../../db';
import { logEvent } from '../../diagnostics/session-log';
import { errorMessage } from '../../shared/error-message';
import { openVideoFile } from '../../storage/video-files';
import { foldRepeatedShots, pickSlides, type PickedSlide } from './pick-slides';
import { pictureLook } from './picture-look';
import { withSpeakers } from '../../shared/speaker-turns';
import { toSlidesHtml, type DeckPage } from './slides-html';

/** The deck's pictures: sharp enough to print, small enough that 100 of them stay a few MB. */
const DECK_IMAGE_SIDE = 960;

/** The video has no analysed frames to make a deck of (yet, or because it has no picture). */
export class NoSlidesError extends Error {
  override name = 'NoSlidesError';
}

async function dataUrl(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${blob.type || 'image/webp'};base64,${btoa(binary)}`;
}

/** Lines read in a frame, top to bottom, left to right. */
function readingOrder(lines: readonly { text: string; box: [number, number, number, number] }[]) {
  return [...lines]
    .sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0])
    .map((l) => l.text.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/**
 * Each page's picture, decoded afresh from the file at print size; where that fails (the file is
 * gone, the decoder refuses) the stored thumbnail stands in, so the deck is still made.
 */
async function pictures(
  video: VideoRecord,
  pages: readonly PickedSlide[],
  thumbnails: Map<number, { blob: Blob; width: number; height: number }>,
) {
  let file: Blob | null = null;
  try {
    file = await openVideoFile(video.id, video.storage);
  } catch (error) {
    logEvent({
      level: 'warn',
      component: 'library',
      videoId: video.id,
      message: `slides use the stored thumbnails: the file can't be opened (${errorMessage(error)})`,
    });
  }
  const images: DeckPage['image'][] = [];
  for (const page of pages) {
    let frame = thumbnails.get(page.t) ?? null;
    if (file) {
      try {
        frame = await frameAt(file, video.container, page.t, DECK_IMAGE_SIDE);
      } catch {
        // The thumbnail stands in.
      }
    }
    images.push(
      frame
        ? { dataUrl: await dataUrl(frame.blob), width: frame.width, height: frame.height }
        : null,
    );
  }
  return images;
}

/** What was said while a page showed, each change of speaker named ("Dana: … Speaker 2: …"). */
function saidDuring(
  spoken: readonly { start: number; end: number; text: string; name: string | null }[],
  page: { start: number; end: number },
): string {
  let last: string | null = null;
  return spoken
    .filter((s) => s.end > page.start && s.start < page.end)
    .map((s) => {
      const named = s.name && s.name !== last ? `${s.name}: ` : '';
      last = s.name;
      return `${named}${s.text.trim()}`;
    })
    .join(' ');
}

/**
 * "Export slides": one page per distinct slide or shot (near duplicates folded, pick-slides.ts),
 * each with its picture, its time, the text on screen and what was said while it was shown, as
 * one self-contained HTML file. Rejects with `NoSlidesError` before any frame is analysed.
 */
export async function exportSlides(video: VideoRecord, database: BriDatabase): Promise<string> {
  const [frames, texts, transcript, speakers] = await Promise.all([
    listFrames(video.id, database),
    listOnScreenText(video.id, database),
    listTranscript(video.id, database),
    speakersView(video.id, database),
  ]);
  const spoken = withSpeakers(transcript, speakers.turns).map((s) => ({
    ...s,
    name: s.speaker === null ? null : speakers.nameOf(s.speaker),
  }));
  const kept = frames.filter((f) => f.reason !== 'span');
  if (kept.length === 0)
    throw new NoSlidesError(
      video.width === 0
        ? 'This is a sound recording: there are no slides or shots to export.'
        : 'No frames are analysed yet: let the analysis run, then export the slides.',
    );
  const linesAt = new Map(texts.map((row) => [row.t, readingOrder(row.lines)]));
  const shots = pickSlides(
    kept.map((f) => ({ t: f.t, sceneIndex: f.sceneIndex, lines: linesAt.get(f.t) ?? [] })),
    video.duration,
  );
  const thumbnails = new Map(kept.map((f) => [f.t, f]));
  const looks = new Map<number, Float32Array>();
  for (const page of shots.filter((p) => p.lines.length === 0)) {
    const thumbnail = thumbnails.get(page.t);
    const look = thumbnail ? await pictureLook(thumbnail.blob) : null;
    if (look) looks.set(page.t, look);
  }
  const picked = foldRepeatedShots(shots, looks);
  const images = await pictures(video, picked, thumbnails);
  const pages: DeckPage[] = picked.map((page, i) => ({
    ...page,
    image: images[i] ?? null,
    said: saidDuring(spoken, page),
  }));
  return toSlidesHtml({
    name: video.name,
    duration: video.duration,
    pages,
    exportedAt: Date.now(),
  });
}
