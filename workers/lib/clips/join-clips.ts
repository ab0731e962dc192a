import {
  EncodedAudioPacketSource,
  EncodedPacketSink,
  EncodedVideoPacketSource,
  Output,
  type EncodedPacket,
  type InputAudioTrack,
  type InputVideoTrack,
} from 'mediabunny';
import { timelineStart } from '../timeline';
import { clipFormat, ClipNotPossibleError, openInput } from './cut-clip';
import { joinMp4Lean } from './lean-mp4-join';
import { openClipTarget, type ClipTarget } from './clip-target';

/** One stretch of a highlights clip: the range asked for and the range it holds (from a key frame). */
export interface HighlightPart {
  asked: { start: number; end: number };
  start: number;
  end: number;
}

export interface JoinedClip {
  blob: Blob;
  mimeType: string;
  parts: HighlightPart[];
}

/** B-frames: packets shown before the end may follow one shown after it (mediabunny's heuristic). */
const LOOKAHEAD_PACKETS = 6;

async function shownBefore(
  sink: EncodedPacketSink,
  packet: EncodedPacket,
  end: number,
): Promise<boolean> {
  let current = packet;
  for (let i = 0; i < LOOKAHEAD_PACKETS; i++) {
    const next = await sink.getNextPacket(current, { metadataOnly: true });
    if (!next) return false;
    if (next.timestamp < end) return true;
    current = next;
  }
  return false;
}

/** The video packets of one part, from the key frame at or before its start (no re-encode). */
async function* videoPackets(sink: EncodedPacketSink, start: number, end: number) {
  const key = (await sink.getKeyPacket(start)) ?? (await sink.getFirstKeyPacket());
  if (!key) return;
  for await (const packet of sink.packets(key)) {
    if (packet.timestamp >= end && !(await shownBefore(sink, packet, end))) return;
    yield packet;
  }
}

interface Writer {
  video: {
    track: InputVideoTrack;
    sink: EncodedPacketSink;
    source: EncodedVideoPacketSource;
  } | null;
  audio: {
    track: InputAudioTrack;
    sink: EncodedPacketSink;
    source: EncodedAudioPacketSource;
  } | null;
}

/** Copies one part's packets to the output at `at` seconds; returns the source range it held. */
async function copyPart(
  writer: Writer,
  range: { start: number; end: number },
  at: number,
  first: boolean,
  signal: AbortSignal,
): Promise<{ start: number; end: number }> {
  let start = range.start;
  let end = range.start;
  if (writer.video) {
    const { track, sink, source } = writer.video;
    const meta = first
      ? { decoderConfig: (await track.getDecoderConfig()) ?? undefined }
      : undefined;
    let head = true;
    for await (const packet of videoPackets(sink, range.start, range.end)) {
      signal.throwIfAborted();
      if (head) start = packet.timestamp;
      end = Math.max(end, packet.timestamp + packet.duration);
      await source.add(
        packet.clone({ timestamp: at + packet.timestamp - start }),
        head ? meta : undefined,
      );
      head = false;
    }
  } else end = range.end;
  if (writer.audio) {
    const { track, sink, source } = writer.audio;
    const meta = first
      ? { decoderConfig: (await track.getDecoderConfig()) ?? undefined }
      : undefined;
    let head = true;
    const from = await sink.getPacket(start);
    for await (const packet of sink.packets(from ?? undefined)) {
      signal.throwIfAborted();
      if (packet.timestamp >= end) break;
      if (packet.timestamp < start) continue;
      await source.add(
        packet.clone({ timestamp: at + packet.timestamp - start }),
        head ? meta : undefined,
      );
      head = false;
    }
  }
  return { start, end };
}

/**
 * Joins the given ranges of `file` into one clip, in order, by copying packets: each part starts
 * at the key frame at or before its start (a few seconds more context at most, where the source
 * has key frames that far apart), so nothing is re-encoded and the parts share one codec setup.
 */
export async function joinClips(
  file: Blob,
  container: string,
  ranges: readonly { start: number; end: number }[],
  signal: AbortSignal,
  onProgress: (fraction: number) => void,
): Promise<JoinedClip> {
  // MP4/MOV through the lean index: a 9-hour file's highlights cost what a short one's do.
  if (container === 'mp4' || container === 'mov') {
    const lean = await joinMp4Lean(file, ranges, signal, onProgress);
    if (lean) return lean;
  }
  const input = openInput(file);
  let out: ClipTarget | null = null;
  try {
    const offset = await timelineStart(input);
    const { format, mimeType } = clipFormat(container);
    out = await openClipTarget();
    const output = new Output({ format, target: out.target });
    const videoTrack = await input.getPrimaryVideoTrack();
    const audioTrack = await input.getPrimaryAudioTrack();
    if (!videoTrack?.codec && !audioTrack?.codec)
      throw new ClipNotPossibleError('the file has no track a clip can carry');
    const writer: Writer = {
      video: videoTrack?.codec
        ? {
            track: videoTrack,
            sink: new EncodedPacketSink(videoTrack),
            source: new EncodedVideoPacketSource(videoTrack.codec),
          }
        : null,
      audio: audioTrack?.codec
        ? {
            track: audioTrack,
            sink: new EncodedPacketSink(audioTrack),
            source: new EncodedAudioPacketSource(audioTrack.codec),
          }
        : null,
    };
    if (writer.video)
      output.addVideoTrack(writer.video.source, { rotation: videoTrack?.rotation ?? 0 });
    if (writer.audio) output.addAudioTrack(writer.audio.source);
    await output.start();
    const parts: HighlightPart[] = [];
    let at = 0;
    for (const [i, asked] of ranges.entries()) {
      const held = await copyPart(
        writer,
        { start: offset + asked.start, end: offset + asked.end },
        at,
        i === 0,
        signal,
      );
      parts.push({ asked, start: held.start - offset, end: held.end - offset });
      at += held.end - held.start;
      onProgress((i + 1) / ranges.length);
    }
    await output.finalize();
    return { blob: await out.finish(), mimeType, parts };
  } catch (error) {
    await out?.discard();
    throw error;
  } finally {
    input.dispose();
  }
}
