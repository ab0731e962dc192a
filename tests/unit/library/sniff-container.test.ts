import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SNIFF_BYTES, sniffContainer } from '../../../src/library/sniff-container';
import { mediaPath } from '../../paths';
import { ffmpegFile } from '../../support/hostile-media';

async function head(name: string): Promise<Uint8Array> {
  return (await readFile(mediaPath(name))).subarray(0, SNIFF_BYTES);
}

function bytes(...parts: (string | number[])[]): Uint8Array {
  return Uint8Array.from(
    parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)),
  );
}

describe('sniffContainer', () => {
  it.each([
    ['jfk_bus_zidane.mp4', 'mp4'],
    ['jfk_bus_zidane.mov', 'mov'],
    ['jfk_bus_zidane.webm', 'webm'],
    ['jfk_bus_zidane.mkv', 'mkv'],
    ['jfk_bus_zidane.avi', 'avi'],
    ['lecture-5min.mp4', 'mp4'],
    ['no-audio.mp4', 'mp4'],
  ])('recognises %s as %s from its bytes', async (name, container) => {
    expect(sniffContainer(await head(name))).toEqual({ kind: 'video', container });
  });

  it.each([
    ['MPEG-TS (188-byte packets)', 'ts', []],
    ['M2TS (192-byte packets)', 'm2ts', ['-mpegts_m2ts_mode', '1']],
  ])('recognises %s from its sync bytes', (_, extension, options) => {
    const file = ffmpegFile(
      ['-f', 'lavfi', '-i', 'testsrc2=s=64x64:r=5', '-t', '1', ...options, '-f', 'mpegts'],
      extension,
    );
    expect(sniffContainer(file.subarray(0, SNIFF_BYTES))).toEqual({
      kind: 'video',
      container: 'ts',
    });
  });

  it('tells a playlist from a video, and a text file from a stream', () => {
    const playlist = bytes('#EXTM3U\n#EXT-X-VERSION:3\n#EXTINF:10.0,\nsegment0.ts\n');
    expect(sniffContainer(playlist)).toEqual({ kind: 'other', looksLike: 'playlist' });
    // One 0x47 byte is not a stream: three packets' sync bytes are.
    expect(sniffContainer(bytes('G', 'this is just a text that starts with a capital G'))).toEqual({
      kind: 'other',
      looksLike: 'text',
    });
  });

  it('calls a text file text, whatever its extension', async () => {
    expect(sniffContainer(await head('bad/not-a-video.mp4'))).toEqual({
      kind: 'other',
      looksLike: 'text',
    });
  });

  it('rejects random bytes named .webm', async () => {
    expect(sniffContainer(await head('bad/random-bytes.webm'))).toEqual({
      kind: 'other',
      looksLike: 'unknown',
    });
  });

  it('names images and audio so the message can say what the file is', async () => {
    expect(sniffContainer(await head('photos/bus.jpg'))).toEqual({
      kind: 'other',
      looksLike: 'image',
      detail: 'JPEG',
    });
    // Sound recordings are library items too (transcript, speech, chat).
    expect(sniffContainer(await head('jfk.flac'))).toEqual({ kind: 'video', container: 'flac' });
  });

  it('treats an old QuickTime file starting with moov as MOV', () => {
    expect(sniffContainer(bytes([0, 0, 0, 8], 'moov', [0, 0, 0, 0]))).toEqual({
      kind: 'video',
      container: 'mov',
    });
  });

  it('reads the QuickTime brand from ftyp', () => {
    expect(sniffContainer(bytes([0, 0, 0, 20], 'ftyp', 'qt  ', [0, 0, 0, 0]))).toEqual({
      kind: 'video',
      container: 'mov',
    });
  });

  it('does not accept an EBML file of another doc type', () => {
    const ebml = bytes([0x1a, 0x45, 0xdf, 0xa3, 0x8f, 0x42, 0x82, 0x88], 'matroskb');
    expect(sniffContainer(ebml).kind).toBe('other');
  });

  it('tells a WAV from an AVI (both RIFF), and finds MP3 and raw AAC by their frame sync', () => {
    expect(sniffContainer(bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '))).toEqual({
      kind: 'video',
      container: 'wav',
    });
    expect(sniffContainer(bytes([0xff, 0xfb, 0x90, 0x64]))).toEqual({
      kind: 'video',
      container: 'mp3',
    });
    expect(sniffContainer(bytes('ID3', [4, 0, 0]))).toEqual({ kind: 'video', container: 'mp3' });
    expect(sniffContainer(bytes([0xff, 0xf1, 0x50, 0x80]))).toEqual({
      kind: 'video',
      container: 'adts',
    });
    expect(sniffContainer(bytes('OggS', [0, 2]))).toEqual({ kind: 'video', container: 'ogg' });
    expect(sniffContainer(bytes('FLV', [1, 5, 0, 0, 0, 9]))).toEqual({
      kind: 'video',
      container: 'flv',
    });
  });
});
