import type { Mp4Track } from './mp4-index';
import { avcCodecString } from './mp4-keyframe';

/** A track as mediabunny's packet sources name its codec, with the WebCodecs config to write. */
export type LeanVideoCodec = { codec: 'avc' | 'hevc'; config: VideoDecoderConfig };
export type LeanAudioCodec = { codec: 'aac'; config: AudioDecoderConfig };

const hex = (n: number) => n.toString(16).toUpperCase();

/** The 32 compatibility flags with their bit order reversed, as RFC 6381 writes them. */
function reversedFlags(flags: number): number {
  let out = 0;
  for (let i = 0; i < 32; i++) out = (out << 1) | ((flags >>> i) & 1);
  return out >>> 0;
}

/** WebCodecs codec string for an HEVC track from its hvcC record ("hvc1.1.6.L93.B0"). */
export function hevcCodecString(entry: string, hvcC: Uint8Array): string {
  const view = new DataView(hvcC.buffer, hvcC.byteOffset, hvcC.byteLength);
  const first = view.getUint8(1);
  const space = ['', 'A', 'B', 'C'][first >> 6] ?? '';
  const tier = first & 0x20 ? 'H' : 'L';
  const profile = first & 0x1f;
  const compatibility = reversedFlags(view.getUint32(2));
  const constraints = Array.from(hvcC.subarray(6, 12));
  while (constraints.length > 0 && constraints.at(-1) === 0) constraints.pop();
  const level = view.getUint8(12);
  const tail = constraints.map((byte) => `.${hex(byte)}`).join('');
  return `${entry}.${space}${profile}.${hex(compatibility)}.${tier}${level}${tail}`;
}

/** The video track's codec and decoder config, for AVC and HEVC; null for others. */
export function leanVideoCodec(track: Mp4Track): LeanVideoCodec | null {
  const description = track.codecConfig;
  if (!description || description.byteLength < 13) return null;
  const sizes = { codedWidth: track.codedWidth, codedHeight: track.codedHeight };
  if (track.fourcc === 'avc1' || track.fourcc === 'avc3')
    return { codec: 'avc', config: { codec: avcCodecString(description), description, ...sizes } };
  if (track.fourcc === 'hvc1' || track.fourcc === 'hev1')
    return {
      codec: 'hevc',
      config: { codec: hevcCodecString(track.fourcc, description), description, ...sizes },
    };
  return null;
}

/** The audio track's codec and decoder config, for AAC; null for others. */
export function leanAudioCodec(track: Mp4Track): LeanAudioCodec | null {
  const description = track.audioConfig;
  if (track.fourcc !== 'mp4a' || !description || description.byteLength < 2) return null;
  const objectType = (description[0] ?? 0) >> 3;
  if (!track.sampleRate || !track.channels) return null;
  return {
    codec: 'aac',
    config: {
      codec: `mp4a.40.${objectType}`,
      description,
      sampleRate: track.sampleRate,
      numberOfChannels: track.channels,
    },
  };
}
