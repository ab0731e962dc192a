import { execFileSync } from 'node:child_process';

/**
 * The system ffmpeg's one frame at `t` s of `file`, through `filters` (none: as decoded), written
 * as `output` says (a file path, or raw bytes to stdout: `['-f', 'rawvideo', '-']`); returns what
 * ffmpeg printed. Shared by the native yardstick and the clip checks of the E2E tests.
 */
export function oneFrame(
  file: string,
  t: number,
  filters: string | null,
  output: readonly string[],
  maxBuffer = 2 ** 26,
): Uint8Array {
  return execFileSync(
    'ffmpeg',
    [
      '-v',
      'error',
      '-ss',
      String(t),
      '-i',
      file,
      '-frames:v',
      '1',
      ...(filters ? ['-vf', filters] : []),
      ...output,
    ],
    { maxBuffer },
  );
}
