import { ffprobeJson } from '../../ffprobe';

interface Probe {
  format: { duration: string };
  streams: { width: number; height: number }[];
}

/** Duration and size of a media file according to the system's ffprobe. */
export function probeTruth(path: string): { duration: number; width: number; height: number } {
  const probe = ffprobeJson<Probe>(path, [
    '-select_streams',
    'v:0',
    '-show_entries',
    'format=duration:stream=width,height',
  ]);
  const stream = probe.streams[0];
  if (!stream) throw new Error(`${path} has no video stream`);
  return { duration: Number(probe.format.duration), width: stream.width, height: stream.height };
}
