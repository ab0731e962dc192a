import { execFileSync } from 'node:child_process';

/** Duration and size of a media file according to the system's ffprobe: the test's independent truth. */
export function probeTruth(path: string): { duration: number; width: number; height: number } {
  const json = execFileSync(
    'ffprobe',
    [
      '-v',
      'error',
      '-select_streams',
      'v:0',
      '-show_entries',
      'format=duration:stream=width,height',
      '-of',
      'json',
      path,
    ],
    { encoding: 'utf8' },
  );
  const parsed = JSON.parse(json) as {
    format: { duration: string };
    streams: { width: number; height: number }[];
  };
  const stream = parsed.streams[0];
  if (!stream) throw new Error(`${path} has no video stream`);
  return { duration: Number(parsed.format.duration), width: stream.width, height: stream.height };
}
