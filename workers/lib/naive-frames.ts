import { loadFfmpeg } from './ffmpeg-runtime';

/**
 * The baseline `npm run bench` compares against: what a straightforward port does — copy the
 * whole file into ffmpeg.wasm's memory and extract 1 frame per second. Not used by the app.
 */
export async function naiveFrames(file: Blob): Promise<{ frames: number; seconds: number }> {
  const started = performance.now();
  const ffmpeg = await loadFfmpeg();
  await ffmpeg.writeFile('/naive-input', new Uint8Array(await file.arrayBuffer()));
  // ffmpeg.wasm quirk (ffmpegwasm/ffmpeg.wasm#823): the first `-vf fps=1` extraction of some
  // files dies with "memory access out of bounds" unless one command has already run.
  await ffmpeg.exec(['-v', 'quiet', '-i', '/no-such-file']);
  const status = await ffmpeg.exec([
    '-v',
    'error',
    '-i',
    '/naive-input',
    '-vf',
    'fps=1',
    '-q:v',
    '5',
    '/naive-%05d.jpg',
  ]);
  const names = (await ffmpeg.listDir('/'))
    .map((n) => n.name)
    .filter((n) => n.startsWith('naive-'));
  for (const name of names) await ffmpeg.deleteFile(`/${name}`);
  if (status !== 0) throw new Error(`ffmpeg failed (exit ${status})`);
  return { frames: names.length - 1, seconds: (performance.now() - started) / 1000 };
}
