/// <reference lib="webworker" />
import { expose } from 'comlink';
import { registerAbortTransfer } from '../src/shared/abort-transfer';
import type { ContainerKind, PosterImage, VideoMetadata } from '../src/shared/video-types';
import { findTruncation } from './lib/check-truncation';
import { posterWithFfmpeg, probeWithFfmpeg } from './lib/ffmpeg-probe';
import {
  canDecodeWithWebCodecs,
  posterWithMediabunny,
  probeWithMediabunny,
} from './lib/mediabunny-probe';
import { Mp4IndexError } from './lib/mp4/mp4-index';
import {
  canDecodeLean,
  metadataFromIndex,
  posterFromIndex,
  readMp4Index,
  videoTrackOf,
} from './lib/mp4/mp4-probe';

registerAbortTransfer();

/** Containers mediabunny demuxes; the rest (AVI) go straight to ffmpeg.wasm. */
const WEBCODECS_CONTAINERS = new Set<ContainerKind>(['mp4', 'mov', 'webm', 'mkv']);

/** Why a probe failed, in words the import error can show. */
export interface ProbeFailure {
  reason: 'truncated' | 'undecodable';
  detail: string;
}

export type ProbeResult =
  { ok: true; metadata: VideoMetadata; poster: PosterImage } | { ok: false; failure: ProbeFailure };

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new DOMException('The import was cancelled', 'AbortError');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface Inspected {
  metadata: VideoMetadata;
  poster: PosterImage;
}

/** HEVC and friends demux fine but have no WebCodecs decoder here: ffmpeg draws their poster. */
async function posterWithDemuxer(file: Blob, duration: number): Promise<PosterImage> {
  return (await canDecodeWithWebCodecs(file))
    ? posterWithMediabunny(file, duration)
    : posterWithFfmpeg(file, duration);
}

/** MP4/MOV through the lean index reader; null for layouts it leaves to mediabunny (fragmented MP4). */
async function inspectMp4(file: Blob, container: ContainerKind): Promise<Inspected | null> {
  let index;
  try {
    index = await readMp4Index(file);
  } catch (error) {
    if (error instanceof Mp4IndexError) return null;
    throw error;
  }
  const metadata = metadataFromIndex(index, container);
  const video = videoTrackOf(index);
  const poster =
    video && canDecodeLean(video)
      ? await posterFromIndex(file, video, metadata.duration)
      : await posterWithDemuxer(file, metadata.duration);
  return { metadata, poster };
}

async function probeAndPoster(
  file: Blob,
  container: ContainerKind,
  signal: AbortSignal,
): Promise<Inspected> {
  if (container === 'mp4' || container === 'mov') {
    const inspected = await inspectMp4(file, container);
    if (inspected) return inspected;
  }
  if (WEBCODECS_CONTAINERS.has(container)) {
    try {
      const metadata = await probeWithMediabunny(file, container);
      throwIfAborted(signal);
      return { metadata, poster: await posterWithDemuxer(file, metadata.duration) };
    } catch (error) {
      if (container !== 'mkv') throw error; // Some MKV layouts only ffmpeg understands.
    }
  }
  const metadata = await probeWithFfmpeg(file, container);
  throwIfAborted(signal);
  return { metadata, poster: await posterWithFfmpeg(file, metadata.duration) };
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
      return { ok: false, failure: { reason: 'undecodable', detail: describe(error) } };
    }
  },
};

expose(api);

export type MediaWorkerApi = typeof api;
