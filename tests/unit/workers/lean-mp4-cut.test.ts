import { execFileSync } from 'node:child_process';
import { openAsBlob } from 'node:fs';
import { ALL_FORMATS, BufferSource, Input } from 'mediabunny';
import { describe, expect, it } from 'vitest';
import { cutMp4Lean } from '../../../workers/lib/clips/lean-mp4-cut';
import { hevcCodecString } from '../../../workers/lib/mp4/mp4-codecs';
import { readMp4Index } from '../../../workers/lib/mp4/mp4-index';
import { frameDifference, readClip, tempFile } from '../../e2e/support/clip-check';
import { ffprobeJson } from '../../ffprobe';
import { mediaPath } from '../../paths';

const LECTURE = mediaPath('lecture-5min.mp4');
const never = new AbortController().signal;

/** A short HEVC file shot "portrait" (rotation metadata 90°), as an iPhone records. */
function rotatedHevc(): string {
  const encoded = tempFile(new Uint8Array(), 'hevc.mp4');
  const encode = '-ss 20 -t 8 -i LECTURE -vf scale=640:360 -c:v libx265 -tag:v hvc1 -c:a aac';
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-y'],
    ...encode.split(' ').map((arg) => (arg === 'LECTURE' ? LECTURE : arg)),
    ...['-x265-params', 'log-level=none:keyint=60', encoded],
  ]);
  // ffmpeg 5.1 writes the rotation matrix only on a stream copy.
  const path = tempFile(new Uint8Array(), 'rotated-hevc.mp4');
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-y', '-i', encoded, '-c', 'copy'],
    ...['-metadata:s:v:0', 'rotate=90', path],
  ]);
  return path;
}

/** The rotation mediabunny (the app's demuxer) reads from a file. */
async function rotationOf(bytes: Uint8Array): Promise<number> {
  const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
  try {
    return (await input.getPrimaryVideoTrack())?.rotation ?? -1;
  } finally {
    input.dispose();
  }
}

describe('cutMp4Lean', () => {
  it('cuts the lecture between key frames: 6 s from 18 s, packets copied, the same frames', async () => {
    const progress: number[] = [];
    const clip = await cutMp4Lean(await openAsBlob(LECTURE), { start: 18, end: 24 }, never, (f) =>
      progress.push(f),
    );
    if (!clip) throw new Error('the lean cutter should take an AVC + AAC MP4');
    expect(clip.method).toBe('copy');
    const bytes = new Uint8Array(await clip.blob.arrayBuffer());
    const read = await readClip(bytes);
    expect(read.videoCodec).toBe('avc');
    expect(read.audioCodec).toBe('aac');
    // The last frames shown before 24 s may need a reference shown just after: a frame or two more.
    expect(Math.abs(read.duration - 6)).toBeLessThanOrEqual(0.15);
    const path = tempFile(bytes, 'lean-18-24.mp4');
    // The decoded picture 3 s in is the lecture's at 21 s (a bus scene), not the slide at 70 s.
    expect(frameDifference(path, 3, LECTURE, 21)).toBeLessThan(6);
    expect(frameDifference(path, 0.1, LECTURE, 18.1)).toBeLessThan(6);
    const { streams } = ffprobeJson<{ streams: { codec_type: string; duration: string }[] }>(path, [
      '-show_entries',
      'stream=codec_type,duration',
    ]);
    for (const stream of streams) expect(Math.abs(Number(stream.duration) - 6)).toBeLessThan(0.15);
    expect(progress.at(-1)).toBe(1);
  });

  it('cuts HEVC with its rotation kept; the codec string follows RFC 6381', async () => {
    const source = rotatedHevc();
    const file = await openAsBlob(source);
    const track = (await readMp4Index(file)).tracks.find((t) => t.handler === 'vide');
    const sourceRotation = await rotationOf(new Uint8Array(await file.arrayBuffer()));
    expect(sourceRotation).not.toBe(0);
    expect(track?.rotation).toBe(sourceRotation);
    expect(hevcCodecString('hvc1', track?.codecConfig ?? new Uint8Array())).toMatch(
      /^hvc1\.1\.6\.L\d+(\.[0-9A-F]{1,2})*$/,
    );
    const clip = await cutMp4Lean(file, { start: 2.5, end: 5.5 }, never, () => undefined);
    if (!clip) throw new Error('the lean cutter should take HEVC');
    const path = tempFile(new Uint8Array(await clip.blob.arrayBuffer()), 'lean-hevc.mp4');
    const { streams } = ffprobeJson<{ streams: { codec_name: string; duration: string }[] }>(path, [
      '-show_entries',
      'stream=codec_name,duration',
    ]);
    const video = streams.find((s) => s.codec_name === 'hevc');
    expect(Math.abs(Number(video?.duration) - 3)).toBeLessThan(0.15);
    expect(await rotationOf(new Uint8Array(await clip.blob.arrayBuffer()))).toBe(sourceRotation);
    expect(frameDifference(path, 1, source, 3.5)).toBeLessThan(6);
  }, 60_000); // x265 encodes the source first: seconds on two cores

  it('leaves what it does not cover to mediabunny (a WebM has no movie box)', async () => {
    const webm = await openAsBlob(mediaPath('jfk_bus_zidane.webm'));
    expect(await cutMp4Lean(webm, { start: 0, end: 1 }, never, () => undefined)).toBeNull();
  });
});
