import {
  EncodedAudioPacketSource,
  EncodedPacket,
  EncodedVideoPacketSource,
  Mp4OutputFormat,
  Output,
  type Rotation,
} from 'mediabunny';
import { Mp4DamagedError } from '../mp4/mp4-boxes';
import {
  leanAudioCodec,
  leanVideoCodec,
  type LeanAudioCodec,
  type LeanVideoCodec,
} from '../mp4/mp4-codecs';
import { Mp4IndexError, readMp4Index, type Mp4Track } from '../mp4/mp4-index';
import { sampleAtTime } from '../mp4/mp4-keyframe';
import { readSamples, samplesForCut, type Mp4Sample } from '../mp4/mp4-samples';
import type { CutClip } from './cut-clip';
import { openClipTarget, type ClipTarget } from './clip-target';

/** An MP4 opened for copying through the lean index, and the MP4 output its packets go to. */
export interface LeanCopy {
  video: { track: Mp4Track; codec: LeanVideoCodec; source: EncodedVideoPacketSource } | null;
  audio: { track: Mp4Track; codec: LeanAudioCodec; source: EncodedAudioPacketSource } | null;
  output: Output;
  out: ClipTarget;
}

/**
 * A progressive MP4/MOV with AVC or HEVC video and AAC audio, opened through the lean index
 * (mp4-index.ts) instead of a full demuxer: a 9-hour file's 33 MB moov and million-sample table
 * are never held, only the slices a clip covers are read. Null for what it doesn't cover
 * (fragmented MP4, other codecs, not an MP4): the caller uses mediabunny for those.
 */
export async function openLeanCopy(file: Blob): Promise<LeanCopy | null> {
  let index;
  try {
    index = await readMp4Index(file);
  } catch (error) {
    if (error instanceof Mp4IndexError || error instanceof Mp4DamagedError) return null;
    throw error;
  }
  const videoTrack = index.tracks.find((t) => t.handler === 'vide');
  const audioTrack = index.tracks.find((t) => t.handler === 'soun');
  const videoCodec = videoTrack ? leanVideoCodec(videoTrack) : null;
  const audioCodec = audioTrack ? leanAudioCodec(audioTrack) : null;
  if ((videoTrack && !videoCodec) || (audioTrack && !audioCodec)) return null;
  if (!videoCodec && !audioCodec) return null;
  const out = await openClipTarget();
  const output = new Output({ format: new Mp4OutputFormat(), target: out.target });
  const copy: LeanCopy = { video: null, audio: null, output, out };
  if (videoTrack && videoCodec) {
    copy.video = {
      track: videoTrack,
      codec: videoCodec,
      source: new EncodedVideoPacketSource(videoCodec.codec),
    };
    output.addVideoTrack(copy.video.source, { rotation: videoTrack.rotation as Rotation });
  }
  if (audioTrack && audioCodec) {
    copy.audio = {
      track: audioTrack,
      codec: audioCodec,
      source: new EncodedAudioPacketSource(audioCodec.codec),
    };
    output.addAudioTrack(copy.audio.source);
  }
  return copy;
}

/** Audio samples shown in [start, end), in order (every AAC sample is a key sample). */
export async function audioSamples(file: Blob, track: Mp4Track, start: number, end: number) {
  const at = (t: number) =>
    sampleAtTime(track.tables.stts, Math.max(0, (t - track.editShift) * track.timescale));
  const samples = await readSamples(file, track, at(start), at(end) + 2);
  return samples.filter((s) => s.time + s.duration > start && s.time < end);
}

/** Where copied samples go: a packet source, shifted by `shift` seconds, and the job's progress. */
export interface CopyTarget {
  source: EncodedVideoPacketSource | EncodedAudioPacketSource;
  /** Added to each sample's time for its timestamp in the clip. */
  shift: number;
  /** The decoder config, given with the first packet of the track (once per clip). */
  meta: object | undefined;
}

/** Copies samples into a packet source, reading each one's bytes alone. */
export async function copySamples(
  file: Blob,
  samples: readonly Mp4Sample[],
  target: CopyTarget,
  signal: AbortSignal,
  onSample: () => void,
): Promise<void> {
  for (const [i, sample] of samples.entries()) {
    signal.throwIfAborted();
    const data = new Uint8Array(
      await file.slice(sample.offset, sample.offset + sample.size).arrayBuffer(),
    );
    const type = sample.key ? 'key' : 'delta';
    const packet = new EncodedPacket(data, type, sample.time + target.shift, sample.duration);
    // Both sources take (packet, meta); the union's two signatures are the same shape.
    await (target.source as EncodedVideoPacketSource).add(
      packet,
      i === 0 ? target.meta : undefined,
    );
    onSample();
  }
}

/**
 * Copies a stretch's video and audio samples into the copy's output, `shift` seconds on; the
 * first stretch of a clip carries each track's decoder config.
 */
export async function copyTracks(
  file: Blob,
  copy: LeanCopy,
  samples: { video: readonly Mp4Sample[]; audio: readonly Mp4Sample[] },
  options: { shift: number; first: boolean; signal: AbortSignal; onSample: () => void },
): Promise<void> {
  for (const kind of ['video', 'audio'] as const) {
    const track = copy[kind];
    if (!track) continue;
    const meta = options.first ? { decoderConfig: track.codec.config } : undefined;
    await copySamples(
      file,
      samples[kind],
      { source: track.source, shift: options.shift, meta },
      options.signal,
      options.onSample,
    );
  }
}

/**
 * Runs `write` against the copy's output and returns the finished clip, or cancels it on abort;
 * a clip that fails or is cancelled leaves nothing behind.
 */
export async function writeLeanCopy(
  copy: LeanCopy,
  signal: AbortSignal,
  write: () => Promise<void>,
): Promise<Blob> {
  const cancel = () => void copy.output.cancel();
  signal.addEventListener('abort', cancel, { once: true });
  try {
    await copy.output.start();
    await write();
    await copy.output.finalize();
    signal.throwIfAborted();
    return await copy.out.finish();
  } catch (error) {
    await copy.out.discard();
    throw error;
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}

/**
 * Cuts [start, end) of an MP4/MOV by copying its packets through the lean index (see
 * openLeanCopy). The cut keeps the key frame at or before `start` with negative timestamps,
 * which the MP4 muxer hides behind an edit list, so the clip plays from `start`. Null for files
 * the lean index doesn't cover.
 */
export async function cutMp4Lean(
  file: Blob,
  range: { start: number; end: number },
  signal: AbortSignal,
  onProgress: (fraction: number) => void,
): Promise<CutClip | null> {
  const copy = await openLeanCopy(file);
  if (!copy) return null;
  const { video, audio } = copy;
  const vSamples = video ? await samplesForCut(file, video.track, range.start, range.end) : [];
  const aSamples = audio ? await audioSamples(file, audio.track, range.start, range.end) : [];
  const total = vSamples.length + aSamples.length;
  if (total === 0) return null;
  let done = 0;
  const step = () => onProgress(++done / total);
  const blob = await writeLeanCopy(copy, signal, () =>
    copyTracks(
      file,
      copy,
      { video: vSamples, audio: aSamples },
      {
        shift: -range.start,
        first: true,
        signal,
        onSample: step,
      },
    ),
  );
  return { blob, mimeType: 'video/mp4', ...range, method: 'copy' };
}
