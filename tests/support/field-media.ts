import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mediaPath } from '../paths';
import { ffmpegFile } from './hostile-media';

/** Writes bytes to a temporary file (an input for a second ffmpeg pass); returns its path. */
function tmpFile(bytes: Buffer, extension: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'bri-field-')), `in.${extension}`);
  writeFileSync(path, bytes);
  return path;
}

/**
 * What people bring that isn't a clean H.264 MP4, made at test time with Debian's ffmpeg: 4 s of
 * a moving test pattern with the JFK speech as sound, so frames, speech and transcript all run.
 */
// Input options (before each -i): both inputs last 4 s.
const PICTURE = ['-t', '4', '-f', 'lavfi', '-i', 'testsrc2=s=320x180:r=25'];
const SPEECH = ['-t', '4', '-i', mediaPath('jfk.flac')];
const H264 = ['-c:v', 'libx264', '-pix_fmt', 'yuv420p'];
const HEVC = ['-c:v', 'libx265', '-x265-params', 'log-level=error', '-pix_fmt', 'yuv420p'];

export interface FieldFile {
  name: string;
  /** What makes it unusual, for the test's step title. */
  what: string;
  build: () => Buffer;
}

/** What the stored frames of these files must look like (display size, after rotation and SAR). */
export const DISPLAY_SIZE: Record<string, { width: number; height: number }> = {
  'portrait.mp4': { width: 180, height: 320 },
  'anamorphic.mp4': { width: 640, height: 180 },
  'edit-list-sar.mp4': { width: 655, height: 480 },
};

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
    name: 'portrait.mp4',
    what: 'a phone held upright: 320×180 coded, rotation 90° in the track header',
    build: () =>
      ffmpegFile(
        [
          '-i',
          tmpFile(ffmpegFile([...PICTURE, ...SPEECH, ...H264, '-c:a', 'aac'], 'mp4'), 'mp4'),
        ].concat(['-c', 'copy', '-metadata:s:v:0', 'rotate=90']),
        'mp4',
      ),
  },
  {
    name: 'anamorphic.mp4',
    what: 'non-square pixels (SAR 2:1): 320×180 stored, 640×180 shown',
    build: () =>
      ffmpegFile([...PICTURE, ...SPEECH, '-vf', 'setsar=2', ...H264, '-c:a', 'aac'], 'mp4'),
  },
  {
    name: 'edit-list-sar.mp4',
    what: 'an edit list (B-frame delay) and pixels 10:11 wide: 720×480 stored, 654.5×480 in tkhd',
    build: () =>
      ffmpegFile(
        [
          ...['-t', '4', '-f', 'lavfi', '-i', 'testsrc2=s=720x480:r=25'],
          ...SPEECH,
          ...['-vf', 'setsar=10/11', ...H264, '-bf', '2', '-c:a', 'aac', '-use_editlist', '1'],
        ],
        'mp4',
      ),
  },
  {
    name: 'two-languages.mp4',
    what: 'two audio tracks (English speech first, a French tone second)',
    build: () =>
      ffmpegFile(
        [
          ...PICTURE,
          ...SPEECH,
          ...['-t', '4', '-f', 'lavfi', '-i', 'sine=f=440:r=48000'],
          ...['-map', '0:v', '-map', '1:a', '-map', '2:a', ...H264, '-c:a', 'aac'],
          ...['-metadata:s:a:0', 'language=eng', '-metadata:s:a:1', 'language=fra'],
        ],
        'mp4',
      ),
  },
  {
    name: 'variable-rate.mkv',
    what: 'variable frame rate: 2 s at 30 fps, then 2 s at 5 fps',
    build: () =>
      ffmpegFile(
        [
          ...['-t', '4', '-f', 'lavfi', '-i', 'testsrc2=s=320x180:r=30'],
          ...SPEECH,
          ...[
            '-vf',
            "select='lt(t,2)+not(mod(n,6))',setpts=N/FRAME_RATE/TB*0+PTS",
            '-fps_mode',
            'vfr',
          ],
          ...H264,
          ...['-c:a', 'libopus'],
        ],
        'mkv',
      ),
  },
  {
    name: 'annex-b.mp4',
    what: 'H.264 stored Annex-B in MP4 (start codes, no avcC)',
    build: () => annexBInMp4(),
  },
  {
    name: 'annex-b-empty-avcc.mp4',
    what: 'H.264 Annex-B in MP4 with an avcC that names no profile and holds no parameter sets',
    build: () => annexBInMp4({ avcC: 'empty' }),
  },
  {
    name: 'clip.ogv',
    what: 'Theora and Vorbis in Ogg',
    build: () =>
      ffmpegFile(
        [...PICTURE, ...SPEECH, '-c:v', 'libtheora', '-q:v', '5', '-c:a', 'libvorbis'],
        'ogv',
      ),
  },
  {
    name: 'flash.flv',
    what: 'H.264 and AAC in Flash video',
    build: () => ffmpegFile([...PICTURE, ...SPEECH, ...H264, '-c:a', 'aac'], 'flv'),
  },
  {
    name: 'edit-list.mp4',
    what: 'cut without re-encoding: an edit list hides the 1.3 s before the cut, which is mid-GOP',
    build: () =>
      ffmpegFile(
        [
          '-i',
          tmpFile(
            ffmpegFile(
              [
                ...['-t', '6', '-f', 'lavfi', '-i', 'testsrc2=s=320x180:r=25'],
                ...['-t', '6', '-i', mediaPath('jfk.flac')],
                ...H264,
                ...['-g', '50', '-c:a', 'aac'],
              ],
              'mp4',
            ),
            'mp4',
          ),
          ...['-ss', '1.3', '-c', 'copy'],
        ],
        'mp4',
      ),
  },
  {
    name: 'mid-broadcast.ts',
    what: 'a stream joined mid-broadcast: no initial key frame (the first 40 % of packets cut off)',
    build: () => {
      const stream = ffmpegFile(
        [...PICTURE, ...SPEECH, ...H264, '-g', '25', '-c:a', 'aac', '-f', 'mpegts'],
        'ts',
      );
      const packets = Math.floor(stream.length / 188);
      return stream.subarray(Math.floor(packets * 0.4) * 188);
    },
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

/** Sound recordings people bring (podcasts, voice memos, music): 6 s of the JFK speech each. */
export const SOUND_FILES: FieldFile[] = [
  ['voice-memo.m4a', 'AAC in MP4 (an iPhone voice memo)', ['-c:a', 'aac'], 'm4a'],
  ['podcast.mp3', 'MP3', ['-c:a', 'libmp3lame'], 'mp3'],
  ['recorder.wav', 'PCM WAV', ['-c:a', 'pcm_s16le'], 'wav'],
  ['archive.flac', 'FLAC', ['-c:a', 'flac'], 'flac'],
  ['call.ogg', 'Opus in Ogg', ['-c:a', 'libopus'], 'ogg'],
  ['radio.aac', 'raw AAC (ADTS)', ['-c:a', 'aac', '-f', 'adts'], 'aac'],
].map(([name = '', what = '', codec = [], extension = '']) => ({
  name: name as string,
  what: what as string,
  build: () =>
    ffmpegFile(
      ['-t', '6', '-i', mediaPath('jfk.flac'), '-vn', ...(codec as string[])],
      extension as string,
    ),
}));

/**
 * H.264 stored Annex-B inside an MP4 (as some cameras and stream recorders write it): every NAL
 * unit starts with a 00 00 00 01 start code instead of its length, SPS/PPS travel in the stream,
 * and the sample entry has no avcC — or one that says nothing (`avcC: 'empty'`: profile 0, no
 * parameter sets). Made from a normal MP4 by rewriting its packets in place.
 */
export function annexBInMp4({ avcC = 'removed' }: { avcC?: 'removed' | 'empty' } = {}): Buffer {
  const mp4 = ffmpegFile(
    [...PICTURE, ...SPEECH, ...H264, '-x264-params', 'repeat-headers=1', '-c:a', 'aac'],
    'mp4',
  );
  const path = tmpFile(mp4, 'mp4');
  const { packets } = JSON.parse(
    execFileSync('ffprobe', [
      ...['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pos,size'],
      ...['-of', 'json', path],
    ]).toString(),
  ) as { packets: { pos: string; size: string }[] };
  const out = Buffer.from(mp4);
  for (const packet of packets) {
    const end = Number(packet.pos) + Number(packet.size);
    for (let at = Number(packet.pos); at + 4 <= end;) {
      const length = out.readUInt32BE(at);
      out.writeUInt32BE(1, at);
      at += 4 + length;
    }
  }
  const box = out.indexOf('avcC');
  if (avcC === 'removed') out.write('free', box, 'latin1');
  else {
    // An avcC that says nothing: version 1, profile and level 0, no SPS or PPS (the parameter
    // sets travel in the stream), the rest of the box zeros.
    const size = out.readUInt32BE(box - 4);
    out.fill(0, box + 4, box - 4 + size);
    out.set([1, 0, 0, 0, 0xff, 0xe0, 0], box + 4);
  }
  return out;
}
