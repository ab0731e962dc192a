import { samplesForCut } from '../mp4/mp4-samples';
import type { HighlightPart, JoinedClip } from './join-clips';
import { audioSamples, copyTracks, openLeanCopy, writeLeanCopy } from './lean-mp4-cut';

/**
 * Joins ranges of an MP4/MOV into one clip in order by copying packets through the lean index
 * (see openLeanCopy): each part starts at the key frame at or before its start and follows the
 * one before it, as `joinClips` does with mediabunny — without holding the file's sample table.
 * Null for files the lean index doesn't cover.
 */
export async function joinMp4Lean(
  file: Blob,
  ranges: readonly { start: number; end: number }[],
  signal: AbortSignal,
  onProgress: (fraction: number) => void,
): Promise<JoinedClip | null> {
  const copy = await openLeanCopy(file);
  if (!copy) return null;
  const { video, audio } = copy;
  const parts: HighlightPart[] = [];
  const blob = await writeLeanCopy(copy, signal, async () => {
    let at = 0;
    for (const [i, asked] of ranges.entries()) {
      const frames = video ? await samplesForCut(file, video.track, asked.start, asked.end) : [];
      // The part holds what its key frame starts: its audio from there too, so they stay in step.
      const start = frames.length > 0 ? Math.min(...frames.map((f) => f.time)) : asked.start;
      const end = Math.max(asked.end, ...frames.map((f) => f.time + f.duration));
      const sounds = audio ? await audioSamples(file, audio.track, start, end) : [];
      await copyTracks(
        file,
        copy,
        { video: frames, audio: sounds.filter((s) => s.time >= start) },
        { shift: at - start, first: i === 0, signal, onSample: () => undefined },
      );
      parts.push({ asked, start, end });
      at += end - start;
      onProgress((i + 1) / ranges.length);
    }
  });
  return { blob, mimeType: 'video/mp4', parts };
}
