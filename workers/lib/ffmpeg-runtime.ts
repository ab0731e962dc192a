import { FFmpeg, FFFSType } from '@ffmpeg/ffmpeg';
// Served by the app itself (never a CDN). The core is GPL-2.0-or-later, so it is loaded only
// for files WebCodecs can't demux (AVI, some MKV), never bundled into the main chunk.
import coreURL from '@ffmpeg/core?url';
import wasmURL from '@ffmpeg/core/wasm?url';
import { cachedFileUrl } from './models/file-cache';

let loading: Promise<FFmpeg> | undefined;
let mountCounter = 0;

/** Loads ffmpeg.wasm once per worker (single-thread core: no COOP/COEP needed). */
export function loadFfmpeg(): Promise<FFmpeg> {
  loading ??= (async () => {
    const ffmpeg = new FFmpeg();
    // Both files from the model file cache (so AVI import works offline), handed over as blob:
    // URLs — ffmpeg.wasm takes only URLs.
    const [core, wasm] = await Promise.all([
      cachedFileUrl(coreURL, 'text/javascript'),
      cachedFileUrl(wasmURL, 'application/wasm'),
    ]);
    try {
      await ffmpeg.load({ coreURL: core, wasmURL: wasm });
    } finally {
      URL.revokeObjectURL(core);
      URL.revokeObjectURL(wasm);
    }
    return ffmpeg;
  })();
  // A failed load must not poison every later call.
  loading.catch(() => (loading = undefined));
  return loading;
}

/**
 * Runs `work` with `file` visible to ffmpeg at the returned path. WORKERFS reads the Blob lazily,
 * so a large file is never copied into wasm memory.
 */
export async function withMountedFile<T>(
  file: Blob,
  work: (ffmpeg: FFmpeg, path: string) => Promise<T>,
): Promise<T> {
  const ffmpeg = await loadFfmpeg();
  const dir = `/input-${++mountCounter}`;
  const name = 'video';
  await ffmpeg.createDir(dir);
  await ffmpeg.mount(FFFSType.WORKERFS, { blobs: [{ name, data: file }] }, dir);
  try {
    return await work(ffmpeg, `${dir}/${name}`);
  } finally {
    await ffmpeg.unmount(dir);
    await ffmpeg.deleteDir(dir);
  }
}

/** Reads a file ffmpeg wrote, then deletes it from ffmpeg's in-memory filesystem. */
export async function takeOutput(ffmpeg: FFmpeg, path: string): Promise<Uint8Array> {
  const data = await ffmpeg.readFile(path);
  await ffmpeg.deleteFile(path);
  if (typeof data === 'string') return new TextEncoder().encode(data);
  return data;
}

/**
 * ffmpeg's input seek to `seconds`, as arguments to put before `-i`. None at 0: `-ss 0` on an FLV
 * with B-frames (ffmpeg 5 and the wasm core alike) seeks past every frame and decodes nothing.
 */
export function seekTo(seconds: number): string[] {
  return seconds > 0 ? ['-ss', String(Math.round(seconds * 1000) / 1000)] : [];
}
