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

async function probeAndPoster(file: Blob, container: ContainerKind, signal: AbortSignal) {
  if (WEBCODECS_CONTAINERS.has(container)) {
    try {
      const metadata = await probeWithMediabunny(file, container);
      throwIfAborted(signal);
      // HEVC and friends demux fine but have no WebCodecs decoder here: ffmpeg draws the poster.
      const poster = (await canDecodeWithWebCodecs(file))
        ? await posterWithMediabunny(file, metadata.duration)
        : await posterWithFfmpeg(file, metadata.duration);
      return { metadata, poster };
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
