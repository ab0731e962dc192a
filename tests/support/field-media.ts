import { mediaPath } from '../paths';
import { ffmpegFile } from './hostile-media';

/**
 * What people bring that isn't a clean H.264 MP4, made at test time with Debian's ffmpeg: 4 s of
 * a moving test pattern with the JFK speech as sound, so frames, speech and transcript all run.
 */
const PICTURE = ['-f', 'lavfi', '-i', 'testsrc2=s=320x180:r=25', '-t', '4'];
const SPEECH = ['-i', mediaPath('jfk.flac'), '-t', '4', '-shortest'];
const H264 = ['-c:v', 'libx264', '-pix_fmt', 'yuv420p'];
const HEVC = ['-c:v', 'libx265', '-x265-params', 'log-level=error', '-pix_fmt', 'yuv420p'];

export interface FieldFile {
  name: string;
  /** What makes it unusual, for the test's step title. */
  what: string;
  build: () => Buffer;
}

export const FIELD_FILES: FieldFile[] = [
  {
    name: 'iphone-hevc.mp4',
    what: 'HEVC in MP4 (the iPhone default)',
    build: () =>
      ffmpegFile([...PICTURE, ...SPEECH, ...HEVC, '-tag:v', 'hvc1', '-c:a', 'aac'], 'mp4'),
  },
  {
    name: 'hevc.mkv',
    what: 'HEVC with Opus in Matroska',
    build: () => ffmpegFile([...PICTURE, ...SPEECH, ...HEVC, '-c:a', 'libopus'], 'mkv'),
  },
  {
    name: 'broadcast.ts',
    what: 'MPEG-TS with H.264 and AAC',
    build: () => ffmpegFile([...PICTURE, ...SPEECH, ...H264, '-c:a', 'aac', '-f', 'mpegts'], 'ts'),
  },
  {
    name: 'hevc.ts',
    what: 'MPEG-TS with HEVC',
    build: () => ffmpegFile([...PICTURE, ...SPEECH, ...HEVC, '-c:a', 'aac', '-f', 'mpegts'], 'ts'),
  },
  {
    name: 'camcorder.m2ts',
    what: 'M2TS (192-byte packets) with AC-3, as AVCHD camcorders write',
    build: () =>
      ffmpegFile(
        [...PICTURE, ...SPEECH, ...H264, '-c:a', 'ac3', '-mpegts_m2ts_mode', '1', '-f', 'mpegts'],
        'm2ts',
      ),
  },
  {
    name: 'divx.avi',
    what: 'MPEG-4 Part 2 with AC-3 in AVI',
    build: () => ffmpegFile([...PICTURE, ...SPEECH, '-c:v', 'mpeg4', '-c:a', 'ac3'], 'avi'),
  },
  {
    name: 'dolby.mp4',
    what: 'H.264 with AC-3 sound in MP4',
    build: () => ffmpegFile([...PICTURE, ...SPEECH, ...H264, '-c:a', 'ac3'], 'mp4'),
  },
];

/** Photos shown as 2-second shots, with the COCO label YOLOX finds in each (../shared/media/photos). */
export const SHOT_PHOTOS = [
  { photo: 'bus.jpg', label: 'bus' },
  { photo: 'giraffe.jpg', label: 'giraffe' },
  { photo: 'dog.jpg', label: 'dog' },
  { photo: 'horses.jpg', label: 'horse' },
  { photo: 'zidane.jpg', label: 'person' },
  { photo: 'eagle.jpg', label: 'bird' },
];

/** Seconds each photo is on screen: a brief shot, as in a fast-cut video. */
export const SHOT_SECONDS = 2;

/** SHOT_PHOTOS cut together, each letterboxed to 640×360 for SHOT_SECONDS, at 25 fps. */
export function briefShots(): Buffer {
  const inputs = SHOT_PHOTOS.flatMap(({ photo }) => [
    ...['-loop', '1', '-framerate', '25', '-t', String(SHOT_SECONDS)],
    ...['-i', mediaPath(`photos/${photo}`)],
  ]);
  const fit =
    'scale=640:360:force_original_aspect_ratio=decrease,pad=640:360:(ow-iw)/2:(oh-ih)/2,setsar=1,fps=25';
  const chains = SHOT_PHOTOS.map((_, i) => `[${i}:v]${fit}[v${i}]`).join(';');
  const concat = `${SHOT_PHOTOS.map((_, i) => `[v${i}]`).join('')}concat=n=${SHOT_PHOTOS.length}:v=1:a=0[out]`;
  return ffmpegFile(
    [...inputs, '-filter_complex', `${chains};${concat}`, '-map', '[out]', ...H264],
    'mp4',
  );
}
