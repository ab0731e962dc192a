import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ALL_FORMATS, BufferSource, Input } from 'mediabunny';
import { ffprobeJson } from '../../ffprobe';
import { oneFrame } from '../../../scripts/lib/one-frame';

/** What mediabunny (in Node) reads back from a clip: its duration, tracks and packet count. */
export async function readClip(bytes: Uint8Array): Promise<{
  duration: number;
  mimeType: string;
  videoCodec: string | null;
  audioCodec: string | null;
  videoPackets: number;
}> {
  const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
  try {
    const video = await input.getPrimaryVideoTrack();
    const audio = await input.getPrimaryAudioTrack();
    const stats = video ? await video.computePacketStats() : null;
    return {
      duration: await input.computeDuration(),
      mimeType: await input.getMimeType(),
      videoCodec: video?.codec ?? null,
      audioCodec: audio?.codec ?? null,
      videoPackets: stats?.packetCount ?? 0,
    };
  } finally {
    input.dispose();
  }
}

/** A clip made in the page (by `make`, which returns a Blob there), as bytes here. */
export async function clipFromPage(page: Page, make: string, args: unknown[]): Promise<Uint8Array> {
  const numbers = await page.evaluate(
    async ([method, params]) => {
      const made = await (window.bri[method as 'exportClip'] as (...a: unknown[]) => unknown)(
        ...(params as unknown[]),
      );
      const blob = made instanceof Blob ? made : (made as { blob: Blob }).blob;
      return Array.from(new Uint8Array(await blob.arrayBuffer()));
    },
    [make, args] as const,
  );
  return Uint8Array.from(numbers);
}

/** Writes bytes to a temporary file (for ffmpeg) and returns its path. */
export function tempFile(bytes: Uint8Array, name: string): string {
  const path = join(tmpdir(), `bri-clip-${process.pid}-${name}`);
  writeFileSync(path, bytes);
  return path;
}

/** The frame at `t` s of a file as 64×36 grey pixels, decoded by the system's ffmpeg. */
function greyFrame(path: string, t: number): Uint8Array {
  return oneFrame(path, t, 'scale=64:36,format=gray', ['-f', 'rawvideo', '-'], 1 << 20);
}

/** Mean absolute difference (0–255) between the frame at `a` s of one file and `b` s of another. */
export function frameDifference(pathA: string, a: number, pathB: string, b: number): number {
  const x = greyFrame(pathA, a);
  const y = greyFrame(pathB, b);
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += Math.abs((x[i] ?? 0) - (y[i] ?? 0));
  return sum / x.length;
}

/** The source's key frame times (ffprobe), to know where a copied part must start. */
export function keyFrameTimes(path: string): number[] {
  const { frames } = ffprobeJson<{
    frames: { pts_time?: string; best_effort_timestamp_time?: string }[];
  }>(path, [
    '-select_streams',
    'v',
    '-skip_frame',
    'nokey',
    '-show_entries',
    'frame=pts_time,best_effort_timestamp_time',
  ]);
  return frames.map((f) => Number(f.pts_time ?? f.best_effort_timestamp_time));
}

/**
 * Cuts a clip in the page and says how big it is and which clip files BRI's clip folder holds
 * (their sizes): the clip's bytes stay in the page, however large.
 */
export function clipOnDisk(
  page: Page,
  videoId: string,
  start: number,
  end: number,
): Promise<{ size: number; onDisk: number[] }> {
  return page.evaluate(
    async ([id, from, to]) => {
      const blob = await window.bri.exportClip(id, from, to);
      const root = await navigator.storage.getDirectory();
      const dir = await root.getDirectoryHandle('clips').catch(() => null);
      const onDisk: number[] = [];
      for await (const handle of dir?.values() ?? [])
        if (handle.kind === 'file') onDisk.push((await handle.getFile()).size);
      return { size: blob.size, onDisk };
    },
    [videoId, start, end] as const,
  );
}
