import { openAsBlob } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { Mp4DamagedError } from '../../../workers/lib/mp4/mp4-boxes';
import { describesAvc, readMp4Index, Mp4IndexError } from '../../../workers/lib/mp4/mp4-index';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  avcCodecString,
  chunkOfSample,
  keySampleAtOrBefore,
  locateKeySample,
  sampleAtTime,
  timeOfSample,
} from '../../../workers/lib/mp4/mp4-keyframe';
import {
  audioSampleRateOf,
  metadataFromIndex,
  videoTrackOf,
} from '../../../workers/lib/mp4/mp4-probe';
import { ffprobeJson } from '../../ffprobe';
import { mediaPath } from '../../paths';
import {
  box,
  boxBomb,
  claimDuration,
  ffmpegFile,
  sampleCountBomb,
} from '../../support/hostile-media';

interface Packet {
  dts_time: string;
  pos: string;
  size: string;
  flags: string;
}

/** The video packets as the system's ffprobe sees them: independent truth for the lean reader. */
function ffprobePackets(path: string): Packet[] {
  return ffprobeJson<{ packets: Packet[] }>(path, [
    '-select_streams',
    'v:0',
    '-show_entries',
    'packet=dts_time,pos,size,flags',
  ]).packets;
}

describe('sample table arithmetic', () => {
  const stts = Uint32Array.from([10, 100, 5, 200]); // 10 samples of 100 ticks, then 5 of 200

  it('maps media time to a sample and back', () => {
    expect(sampleAtTime(stts, 0)).toBe(0);
    expect(sampleAtTime(stts, 950)).toBe(9);
    expect(sampleAtTime(stts, 1000)).toBe(10);
    expect(sampleAtTime(stts, 1450)).toBe(12);
    expect(sampleAtTime(stts, 99_999)).toBe(14);
    expect(timeOfSample(stts, 12)).toBe(1400);
  });

  it('finds the key sample at or before a sample', () => {
    const stss = Uint32Array.from([1, 6, 11]); // 1-based
    expect(keySampleAtOrBefore(stss, 0)).toBe(0);
    expect(keySampleAtOrBefore(stss, 7)).toBe(5);
    expect(keySampleAtOrBefore(stss, 14)).toBe(10);
    expect(keySampleAtOrBefore(null, 7)).toBe(7);
  });

  it('finds the chunk of a sample across sample-to-chunk runs', () => {
    const stsc = Uint32Array.from([1, 4, 1, 3, 2, 1]); // chunks 1–2 hold 4 samples, then 2 each
    expect(chunkOfSample(stsc, 0)).toEqual({ chunk: 1, firstSample: 0 });
    expect(chunkOfSample(stsc, 5)).toEqual({ chunk: 2, firstSample: 4 });
    expect(chunkOfSample(stsc, 8)).toEqual({ chunk: 3, firstSample: 8 });
    expect(chunkOfSample(stsc, 11)).toEqual({ chunk: 4, firstSample: 10 });
  });

  it('builds the AVC codec string from avcC', () => {
    expect(avcCodecString(Uint8Array.from([1, 0x64, 0x00, 0x1f, 0xff]))).toBe('avc1.64001F');
  });

  it('takes an avcC that names no profile or holds no SPS as no record (Annex-B writers)', () => {
    const real = Uint8Array.from([
      1, 0x64, 0x00, 0x1f, 0xff, 0xe1, 0x00, 0x04, 0x67, 0x64, 0, 0x1f,
    ]);
    expect(describesAvc(real)).toBe(true);
    expect(describesAvc(Uint8Array.from([1, 0, 0, 0, 0xff, 0xe0, 0, 0, 0, 0, 0, 0, 0]))).toBe(
      false,
    );
    expect(describesAvc(Uint8Array.from([1, 0x64, 0, 0x1f, 0xff, 0xe0, 0]))).toBe(false);
  });
});

describe('readMp4Index on real files', () => {
  it('reads lecture-5min.mp4 like ffprobe does', async () => {
    const index = await readMp4Index(await openAsBlob(mediaPath('lecture-5min.mp4')));
    expect(metadataFromIndex(index, 'mp4')).toEqual({
      container: 'mp4',
      duration: 300.024,
      width: 1280,
      height: 720,
      // Variable frame rate (still slides hold frames longer): ffprobe's avg_frame_rate is 530/19.
      fps: 27.89,
      hasAudio: true,
      videoCodec: 'avc',
      audioCodec: 'aac',
      demuxer: 'mp4-index',
    });
  });

  it('gives a display size stretched to a fraction of a pixel in whole pixels', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bri-sar-'));
    const path = join(dir, 'sar.mp4');
    execFileSync('ffmpeg', [
      ...['-v', 'error', '-t', '1', '-f', 'lavfi', '-i', 'testsrc2=s=720x480:r=25'],
      ...['-vf', 'setsar=10/11', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', path],
    ]);
    const meta = metadataFromIndex(await readMp4Index(await openAsBlob(path)), 'mp4');
    // tkhd says 654.545…: the record's width must be a whole number.
    expect({ width: meta.width, height: meta.height }).toEqual({ width: 655, height: 480 });
  });

  it('reads the MOV copy and a file without audio', async () => {
    const mov = metadataFromIndex(
      await readMp4Index(await openAsBlob(mediaPath('jfk_bus_zidane.mov'))),
      'mov',
    );
    expect(mov).toMatchObject({
      width: 640,
      height: 360,
      fps: 25,
      hasAudio: true,
      duration: 11.04,
    });
    const silent = metadataFromIndex(
      await readMp4Index(await openAsBlob(mediaPath('no-audio.mp4'))),
      'mp4',
    );
    expect(silent).toMatchObject({ hasAudio: false, audioCodec: null, width: 640 });
  });

  it.each([0, 10, 42.5, 150, 299])(
    'locates the key frame ffprobe reports at or before %s s',
    async (seconds) => {
      const path = mediaPath('lecture-5min.mp4');
      const track = videoTrackOf(await readMp4Index(await openAsBlob(path)));
      if (!track) throw new Error('no video track');
      const located = await locateKeySample(await openAsBlob(path), track, seconds);
      const keyframes = ffprobePackets(path).filter(
        (p) => p.flags.startsWith('K') && Number(p.dts_time) <= seconds + 1e-6,
      );
      const expected = keyframes.at(-1);
      expect({ offset: located.offset, size: located.size }).toEqual({
        offset: Number(expected?.pos),
        size: Number(expected?.size),
      });
    },
  );

  it('refuses a file with no moov outright: no other reader should walk it again', async () => {
    const webm = await openAsBlob(mediaPath('jfk_bus_zidane.webm'));
    await expect(readMp4Index(webm)).rejects.toThrow(
      new Mp4DamagedError('it has no movie header (“moov” box)'),
    );
  });

  it('leaves fragmented MP4 to mediabunny (an index error, not a refusal)', async () => {
    const mvex = box('mvex');
    const fragmented = Buffer.concat([box('ftyp', Buffer.from('isom')), box('moov', mvhd(), mvex)]);
    await expect(readMp4Index(new Blob([new Uint8Array(fragmented)]))).rejects.toBeInstanceOf(
      Mp4IndexError,
    );
  });
});

/** A version-0 movie header: timescale 1000, 2 s. */
function mvhd(): Buffer {
  const payload = Buffer.alloc(100);
  payload.writeUInt32BE(1000, 12);
  payload.writeUInt32BE(2000, 16);
  return box('mvhd', payload);
}

describe('readMp4Index on hostile files', () => {
  it('refuses 2³²−1 samples claimed by a sub-1 KB file before reading any sample', async () => {
    await expect(readMp4Index(new Blob([new Uint8Array(sampleCountBomb())]))).rejects.toThrow(
      /its video track claims 4,294,967,295 samples of 1 byte each, but the whole file is \d+ bytes/,
    );
  });

  it('stops walking after MAX_BOXES_PER_LEVEL boxes, reading windows, not one box at a time', async () => {
    const bomb = new Blob([new Uint8Array(boxBomb(2))]); // 262,144 boxes
    const slice = vi.spyOn(Blob.prototype, 'slice');
    await expect(readMp4Index(bomb)).rejects.toThrow(/over 100,000 boxes in one level/);
    expect(slice.mock.calls.length).toBeLessThan(20);
    slice.mockRestore();
  });

  it('takes the duration from the samples when the headers claim 10 hours', async () => {
    const honest = await readFile(mediaPath('no-audio.mp4'));
    const index = await readMp4Index(new Blob([new Uint8Array(claimDuration(honest, 36_000))]));
    expect(index.duration).toBeCloseTo(11.04, 1);
  });

  it('keeps a movie header shorter than the samples (an edit list trims them)', async () => {
    const honest = await readFile(mediaPath('no-audio.mp4'));
    const index = await readMp4Index(new Blob([new Uint8Array(claimDuration(honest, 5))]));
    expect(index.duration).toBe(5);
  });

  it('stretches the coded width by pasp when the track header gives the coded size', async () => {
    // 320×180 coded with 2:1 pixels; the header is rewritten to say 320 wide, as some muxers do.
    const anamorphic = ffmpegFile(
      [
        '-t',
        '1',
        '-f',
        'lavfi',
        '-i',
        'testsrc2=s=320x180:r=5',
        '-vf',
        'setsar=2',
        '-c:v',
        'libx264',
      ],
      'mp4',
    );
    const tkhd = anamorphic.indexOf('tkhd') - 4;
    anamorphic.writeUInt32BE(320 * 65536, tkhd + 8 + 76);
    const index = await readMp4Index(new Blob([new Uint8Array(anamorphic)]));
    expect(metadataFromIndex(index, 'mp4')).toMatchObject({ width: 640, height: 180 });
  });

  it('reads the audio sample rate from the sample entry', async () => {
    const index = await readMp4Index(await openAsBlob(mediaPath('jfk_bus_zidane.mp4')));
    expect(audioSampleRateOf(index)).toBe(
      Number(
        ffprobeJson<{ streams: { sample_rate: string }[] }>(mediaPath('jfk_bus_zidane.mp4'), [
          '-select_streams',
          'a:0',
          '-show_entries',
          'stream=sample_rate',
        ]).streams[0]?.sample_rate,
      ),
    );
  });
});
