/// <reference lib="webworker" />
import { expose } from 'comlink';
import { registerTransferHandlers } from '../src/shared/transfer-handlers';
import {
  hasPicture,
  type ContainerKind,
  type PosterImage,
  type VideoMetadata,
} from '../src/shared/video-types';
import { waveformPoster } from './lib/audio/waveform-poster';
import { findTruncation } from './lib/check-truncation';
import { demuxesWithMediabunny, videoDecoderFor, type Decoder } from './lib/decoder-choice';
import { analyseFrames, type FrameAnalysis, type SampledFrame } from './lib/frames/analyse-frames';
import { frameAt, type FullFrame } from './lib/frames/frame-at';
import { framesWithFfmpeg, framesWithWebCodecs } from './lib/frames/frame-sources';
import { planSampling, type SamplePlan } from './lib/frames/sample-plan';
import { detectSpeech, type SpeechResult } from './lib/speech';
import { posterWithFfmpeg, probeWithFfmpeg } from './lib/ffmpeg-probe';
import { posterWithMediabunny, probeWithMediabunny, type Probed } from './lib/mediabunny-probe';
import { Mp4DamagedError, Mp4EncryptedError } from './lib/mp4/mp4-boxes';
import { Mp4IndexError } from './lib/mp4/mp4-index';
import {
  audioSampleRateOf,
  canDecodeLean,
  metadataFromIndex,
  posterFromIndex,
  readMp4Index,
  videoTrackOf,
} from './lib/mp4/mp4-probe';
import { errorMessage } from '../src/shared/error-message';
import { findLimitBreach, type LimitBreach } from '../src/shared/media-limits';

registerTransferHandlers();

/** Why a probe failed, in words (or figures) the import error can show. */
export type ProbeFailure =
  | { reason: 'truncated' | 'undecodable' | 'damaged' | 'encrypted'; detail: string }
  | { reason: 'limit'; breach: LimitBreach };

/** A file past one of MEDIA_LIMITS: found before its poster is decoded. */
class LimitBreachError extends Error {
  override name = 'LimitBreachError';
  constructor(readonly breach: LimitBreach) {
    super(`past the ${breach.limit} limit`);
  }
}

/** Throws LimitBreachError when the probed figures are past a limit; else the metadata. */
function withinLimits({ metadata, audioSampleRate }: Probed): VideoMetadata {
  const breach = findLimitBreach({ ...metadata, audioSampleRate });
  if (breach) throw new LimitBreachError(breach);
  return metadata;
}

export type ProbeResult =
  { ok: true; metadata: VideoMetadata; poster: PosterImage } | { ok: false; failure: ProbeFailure };

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new DOMException('The import was cancelled', 'AbortError');
}

function describe(error: unknown): string {
  return errorMessage(error);
}

interface Inspected {
  metadata: VideoMetadata;
  poster: PosterImage;
}

/** HEVC and friends demux fine but have no WebCodecs decoder here: ffmpeg draws their poster. */
async function posterWithDemuxer(
  file: Blob,
  container: ContainerKind,
  duration: number,
): Promise<PosterImage> {
  if ((await videoDecoderFor(file, container)) === 'ffmpeg') {
    return posterWithFfmpeg(file, duration);
  }
  // WebCodecs can decode the codec but not this stream's start (no key frame where asked, an
  // odd layout): ffmpeg.wasm finds a frame before the import fails.
  return posterWithMediabunny(file, duration).catch(() => posterWithFfmpeg(file, duration));
}

/** MP4/MOV through the lean index reader; null for layouts it leaves to mediabunny (fragmented MP4). */
async function inspectMp4(
  file: Blob,
  container: ContainerKind,
  signal: AbortSignal,
): Promise<Inspected | null> {
  let index;
  try {
    index = await readMp4Index(file);
  } catch (error) {
    if (error instanceof Mp4IndexError) return null;
    throw error;
  }
  const metadata = withinLimits({
    metadata: metadataFromIndex(index, container),
    audioSampleRate: audioSampleRateOf(index),
  });
  const video = videoTrackOf(index);
  if (!video)
    return { metadata, poster: await waveformPoster(file, container, metadata.duration, signal) };
  const poster = canDecodeLean(video)
    ? await posterFromIndex(file, video, metadata.duration)
    : await posterWithDemuxer(file, container, metadata.duration);
  return { metadata, poster };
}

/**
 * An Ogg file with a Theora picture (.ogv): mediabunny reads only its sound, and would call it a
 * sound recording; ffmpeg.wasm reads both.
 */
async function isTheora(file: Blob, container: ContainerKind): Promise<boolean> {
  if (container !== 'ogg') return false;
  // The Theora identification header: 0x80 then "theora" (browsers decode 'latin1' as
  // windows-1252, where 0x80 is '€', so the bytes are compared, not a decoded string).
  const head = new Uint8Array(await file.slice(0, 4096).arrayBuffer());
  const signature = [0x80, ...new TextEncoder().encode('theora')];
  return head.some((_, at) => signature.every((byte, i) => head[at + i] === byte));
}

async function probeAndPoster(
  file: Blob,
  container: ContainerKind,
  signal: AbortSignal,
): Promise<Inspected> {
  if (container === 'mp4' || container === 'mov') {
    const inspected = await inspectMp4(file, container, signal);
    if (inspected) return inspected;
  }
  if (demuxesWithMediabunny(container) && !(await isTheora(file, container))) {
    try {
      const metadata = withinLimits(await probeWithMediabunny(file, container));
      throwIfAborted(signal);
      const poster = hasPicture(metadata)
        ? await posterWithDemuxer(file, container, metadata.duration)
        : await waveformPoster(file, container, metadata.duration, signal);
      return { metadata, poster };
    } catch (error) {
      // Some MKV layouts only ffmpeg understands.
      if (container !== 'mkv' || error instanceof LimitBreachError) throw error;
    }
  }
  const metadata = withinLimits(await probeWithFfmpeg(file, container));
  throwIfAborted(signal);
  const poster = hasPicture(metadata)
    ? await posterWithFfmpeg(file, metadata.duration)
    : await waveformPoster(file, container, metadata.duration, signal);
  return { metadata, poster };
}

function failureOf(error: unknown): ProbeFailure {
  if (error instanceof LimitBreachError) return { reason: 'limit', breach: error.breach };
  if (error instanceof Mp4DamagedError) return { reason: 'damaged', detail: error.message };
  if (error instanceof Mp4EncryptedError) return { reason: 'encrypted', detail: error.message };
  return { reason: 'undecodable', detail: describe(error) };
}

export interface FrameSamplingResult extends FrameAnalysis {
  plan: SamplePlan;
  decoder: Decoder;
  seconds: number;
}

const api = {
  /**
   * Reads a candidate video's metadata and draws its poster, without storing anything.
   * Truncated or undecodable files come back as a failure with a reason, not a throw.
   */
  async inspect(signal: AbortSignal, file: Blob, container: ContainerKind): Promise<ProbeResult> {
    const truncation = await findTruncation(file, container);
    if (truncation) return { ok: false, failure: { reason: 'truncated', detail: truncation } };
    throwIfAborted(signal);
    try {
      const { metadata, poster } = await probeAndPoster(file, container, signal);
      return { ok: true, metadata, poster };
    } catch (error) {
      if (signal.aborted) throw error;
      return { ok: false, failure: failureOf(error) };
    }
  },

  /**
   * Samples frames (WebP, exact presentation times) and finds scene cuts in one decoding pass.
   * Each kept frame is handed to `onFrame` as soon as it is encoded, so the caller can store it.
   */
  async sampleFrames(
    signal: AbortSignal,
    file: Blob,
    video: { container: ContainerKind; duration: number; width: number; height: number },
    onFrame: (frame: SampledFrame) => Promise<void>,
    onProgress: (fraction: number) => void,
  ): Promise<FrameSamplingResult> {
    const started = performance.now();
    const plan = planSampling(video.duration);
    const decoder = await videoDecoderFor(file, video.container);
    const useFfmpeg = decoder === 'ffmpeg';
    const source = useFfmpeg
      ? framesWithFfmpeg(file, video.duration, plan, video)
      : framesWithWebCodecs(file, video.duration, plan);
    const analysis = await analyseFrames(
      abortable(source, signal),
      plan,
      video.duration,
      onFrame,
      onProgress,
    );
    return {
      ...analysis,
      plan,
      decoder,
      seconds: (performance.now() - started) / 1000,
    };
  },

  /** Decodes the audio to 16 kHz mono in chunks and finds the speech regions with Silero VAD. */
  detectSpeech(
    signal: AbortSignal,
    file: Blob,
    video: { container: ContainerKind; duration: number },
    onProgress: (fraction: number) => void,
  ): Promise<SpeechResult> {
    return detectSpeech(file, video.container, video.duration, signal, onProgress);
  },

  /** Who decodes the file's picture: WebCodecs where the browser can, ffmpeg.wasm otherwise. */
  videoDecoder(file: Blob, container: ContainerKind): Promise<Decoder> {
    return videoDecoderFor(file, container);
  },

  /** The frame showing at `t` seconds, at full resolution or scaled down to `maxSide`. */
  frameAt(file: Blob, container: ContainerKind, t: number, maxSide?: number): Promise<FullFrame> {
    return frameAt(file, container, t, maxSide);
  },
};

/** Stops pulling frames as soon as the signal aborts. */
async function* abortable<T>(source: AsyncIterable<T>, signal: AbortSignal): AsyncGenerator<T> {
  for await (const item of source) {
    signal.throwIfAborted();
    yield item;
  }
}

expose(api);

export type MediaWorkerApi = typeof api;
