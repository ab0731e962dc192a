import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * 30 minutes of moving noise at ~1.6 Mb/s (~375 MB): a 20 s piece encoded once with Debian's
 * ffmpeg, then stream-copied 90 times; kept under the temp folder between runs. A clip of all of
 * it is larger than what a tab may grow by, so a clip held in memory shows.
 */
export function denseVideo(): string {
  const dir = join(tmpdir(), 'bri-dense');
  const path = join(dir, 'dense-30min.mp4');
  if (existsSync(path)) return path;
  mkdirSync(dir, { recursive: true });
  const piece = join(dir, 'dense-20s.mp4');
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-y', '-t', '20', '-f', 'lavfi', '-i', 'testsrc2=s=640x360:r=25'],
    ...['-vf', 'noise=alls=60:allf=t', '-c:v', 'libx264', '-preset', 'ultrafast'],
    ...['-b:v', '1600k', '-maxrate', '1600k', '-bufsize', '3200k', '-pix_fmt', 'yuv420p', piece],
  ]);
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-stream_loop',
    '89',
    '-i',
    piece,
    '-c',
    'copy',
    path,
  ]);
  return path;
}
