import { execFileSync } from 'node:child_process';

/** Runs the system's ffprobe with JSON output: the tests' independent truth about media files. */
export function ffprobeJson<T>(path: string, args: string[]): T {
  const json = execFileSync('ffprobe', ['-v', 'error', ...args, '-of', 'json', path], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    // Decoder complaints about a deliberately damaged file belong to its test, not the log.
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return JSON.parse(json) as T;
}
