import { ALL_FORMATS, AudioSampleSink, BlobSource, EncodedPacketSink, Input } from 'mediabunny';
import { decodeAudioPlanes, type PlanarAudio } from '../codecs/audio-decode';
import type { ContainerKind } from '../../../src/shared/video-types';
import { seekTo, takeOutput, withMountedFile } from '../ffmpeg-runtime';
import { audioDecoderFor } from '../decoder-choice';
import { timelineStart } from '../timeline';
import { StreamingResampler, TARGET_RATE, downmix } from './resample';

/** 16 kHz mono samples starting at `start` seconds of video time. */
export interface AudioChunk {
  start: number;
  samples: Float32Array;
}

export class NoAudioTrackError extends Error {
  override name = 'NoAudioTrackError';
  constructor() {
    super('no audio track');
  }
}

/** Seconds of audio ffmpeg.wasm decodes per call: bounded memory for any length of file. */
const FFMPEG_SEGMENT_SECONDS = 60;

/** Audio decoded before the first time asked for, so a decoder's start-up (AAC's overlap, Opus'
 * pre-roll) lies in audio nobody reads. */
const SEEK_PRE_ROLL_S = 1;

/**
 * Decodes the primary audio track to 16 kHz mono, batch by batch, with WebCodecs: mediabunny
 * demuxes, our own AudioDecoder loop decodes (mediabunny's sample sink waits on every packet),
 * and mediabunny's sink covers what AudioDecoder can't (PCM). No more than a second or two of
 * decoded audio is alive at a time, so an hour of audio never sits in memory. With `from` > 0 the
 * decode starts at the packet a second before it (a span of a long file costs only that span).
 */
async function* decodeWithWebCodecs(
  file: Blob,
  signal: AbortSignal,
  from: number,
): AsyncGenerator<AudioChunk> {
  const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
  try {
    const track = await input.getPrimaryAudioTrack();
    if (!track) throw new NoAudioTrackError();
    const origin = await timelineStart(input);
    const packets = new EncodedPacketSink(track);
    const seekTo = from > SEEK_PRE_ROLL_S ? from - SEEK_PRE_ROLL_S + origin : null;
    const startPacket =
      seekTo === null ? undefined : ((await packets.getPacket(seekTo)) ?? undefined);
    const firstTimestamp = startPacket?.timestamp ?? (await track.getFirstTimestamp());
    const first = Math.max(0, firstTimestamp - origin);
    const config = await track.getDecoderConfig();
    const direct = config && (await AudioDecoder.isConfigSupported(config)).supported;
    const blocks =
      config && direct
        ? decodeAudioPlanes(packets.packets(startPacket), config)
        : sinkPlanes(new AudioSampleSink(track), startPacket?.timestamp);
    const resampler = new StreamingResampler(track.sampleRate);
    let emitted = 0;
    for await (const planes of blocks) {
      signal.throwIfAborted();
      const samples = resampler.push(downmix(planes));
      if (samples.length === 0) continue;
      yield { start: first + emitted / TARGET_RATE, samples };
      emitted += samples.length;
    }
    const tail = resampler.finish();
    if (tail.length > 0) yield { start: first + emitted / TARGET_RATE, samples: tail };
  } finally {
    input.dispose();
  }
}

async function* sinkPlanes(sink: AudioSampleSink, from?: number): AsyncGenerator<PlanarAudio> {
  for await (const sample of sink.samples(from)) {
    try {
      yield Array.from({ length: sample.numberOfChannels }, (_, planeIndex) => {
        const plane = new Float32Array(sample.numberOfFrames);
        sample.copyTo(plane, { planeIndex, format: 'f32-planar' });
        return plane;
      });
    } finally {
      sample.close();
    }
  }
}

/** The ffmpeg.wasm fallback (AVI, odd MKV): one bounded segment per call, from `from` on. */
async function* decodeWithFfmpeg(
  file: Blob,
  duration: number,
  signal: AbortSignal,
  from: number,
): AsyncGenerator<AudioChunk> {
  const first = Math.max(0, from - SEEK_PRE_ROLL_S);
  for (let start = first; start < duration; start += FFMPEG_SEGMENT_SECONDS) {
    signal.throwIfAborted();
    const bytes = await withMountedFile(file, async (ffmpeg, path) => {
      const out = '/audio.f32';
      const args = [
        '-v',
        'error',
        ...seekTo(start),
        '-i',
        path,
        '-t',
        String(FFMPEG_SEGMENT_SECONDS),
      ];
      const status = await ffmpeg.exec([
        ...args,
        '-vn',
        '-ac',
        '1',
        '-ar',
        String(TARGET_RATE),
        '-f',
        'f32le',
        '-y',
        out,
      ]);
      if (status !== 0)
        throw start === first
          ? new NoAudioTrackError()
          : new Error(`ffmpeg could not decode audio at ${start} s`);
      return takeOutput(ffmpeg, out);
    });
    if (bytes.byteLength < 4) break;
    const samples = new Float32Array(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + (bytes.byteLength & ~3)),
    );
    yield { start, samples };
  }
}

/**
 * 16 kHz mono audio of a video, streamed: WebCodecs where it can decode the track, ffmpeg.wasm
 * otherwise (decoder-choice.ts). With `from` (seconds) the audio starts a little before it, not
 * at the beginning: chunks keep their true start times.
 */
export async function* decodeAudio16k(
  file: Blob,
  container: ContainerKind,
  duration: number,
  signal: AbortSignal,
  from = 0,
): AsyncGenerator<AudioChunk> {
  yield* (await audioDecoderFor(file, container)) === 'ffmpeg'
    ? decodeWithFfmpeg(file, duration, signal, from)
    : decodeWithWebCodecs(file, signal, from);
}
