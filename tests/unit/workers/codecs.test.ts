import { describe, expect, it } from 'vitest';
import { joinPlanes } from '../../../workers/lib/codecs/audio-decode';
import { h264DisposableTest, isDisposableH264 } from '../../../workers/lib/codecs/video-decode';

/** Length-prefixed (4-byte) NAL units with the given header bytes and a little payload each. */
function avcSample(...headers: number[]): Uint8Array {
  const bytes: number[] = [];
  for (const header of headers) bytes.push(0, 0, 0, 3, header, 0x88, 0x80);
  return Uint8Array.from(bytes);
}

describe('H.264 disposable frames', () => {
  it('skips slices with nal_ref_idc 0 and keeps reference slices', () => {
    expect(isDisposableH264(avcSample(0x01), 4)).toBe(true); // non-IDR slice, ref_idc 0
    expect(isDisposableH264(avcSample(0x41), 4)).toBe(false); // ref_idc 2
    expect(isDisposableH264(avcSample(0x65), 4)).toBe(false); // IDR slice
  });

  it('looks past SEI units (always ref_idc 0) to the slices', () => {
    expect(isDisposableH264(avcSample(0x06, 0x21), 4)).toBe(false);
    expect(isDisposableH264(avcSample(0x06, 0x01), 4)).toBe(true);
    expect(isDisposableH264(avcSample(0x06), 4)).toBe(false); // no slice at all: keep it
  });

  it('applies only to length-prefixed H.264 and never to key samples', () => {
    const avcC = Uint8Array.from([1, 0x64, 0, 0x1f, 0xff, 0xe1]);
    const test = h264DisposableTest({ codec: 'avc1.64001f', description: avcC });
    const sample = { data: avcSample(0x01), timestamp: 0, duration: 0.033, key: false };
    expect(test?.(sample)).toBe(true);
    expect(test?.({ ...sample, key: true })).toBe(false);
    expect(h264DisposableTest({ codec: 'vp09.00.10.08' })).toBeUndefined();
    expect(h264DisposableTest({ codec: 'avc1.64001f' })).toBeUndefined();
  });
});

describe('joinPlanes', () => {
  it('concatenates blocks channel by channel', () => {
    const joined = joinPlanes([
      [Float32Array.from([1, 2]), Float32Array.from([5, 6])],
      [Float32Array.from([3]), Float32Array.from([7])],
    ]);
    expect(joined.map((plane) => Array.from(plane))).toEqual([
      [1, 2, 3],
      [5, 6, 7],
    ]);
  });
});
