import { MPEG_TS, type Input } from 'mediabunny';

/**
 * Where BRI's timeline (0 = the first frame or sound) sits in the file's own timestamps. MPEG-TS
 * timestamps run on a broadcast clock (ffmpeg starts them at 1.4 s, a camcorder anywhere), so
 * their start is subtracted everywhere mediabunny's timestamps are read; ffmpeg.wasm already
 * counts from the start. Other containers keep their timestamps: there a late first frame (an
 * edit list, a VP9 WebM at 0.007 s) is real time from the start of the recording.
 */
export async function timelineStart(input: Input): Promise<number> {
  if ((await input.getFormat()) !== MPEG_TS) return 0;
  const tracks = await input.getTracks();
  const firsts = await Promise.all(tracks.map((track) => track.getFirstTimestamp()));
  return firsts.length > 0 ? Math.min(...firsts) : 0;
}
