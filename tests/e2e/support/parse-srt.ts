/** One SubRip cue as a player reads it. */
export interface SrtCue {
  number: number;
  start: number;
  end: number;
  text: string;
}

const TIME = /^(\d{2}):(\d{2}):(\d{2}),(\d{3})$/;

function seconds(stamp: string): number {
  const match = TIME.exec(stamp);
  if (!match) throw new Error(`not an SRT time: "${stamp}"`);
  const [, h, m, s, ms] = match.map(Number) as [number, number, number, number, number];
  return h * 3600 + m * 60 + s + ms / 1000;
}

/** Parses SubRip strictly: a number line, a `start --> end` line, then text, blank-separated. */
export function parseSrt(srt: string): SrtCue[] {
  return srt
    .trim()
    .split(/\n\n/)
    .map((block) => {
      const [number, timing, ...text] = block.split('\n');
      if (!number || !/^\d+$/.test(number)) throw new Error(`bad cue number in "${block}"`);
      const [start, end] = (timing ?? '').split(' --> ');
      return {
        number: Number(number),
        start: seconds(start ?? ''),
        end: seconds(end ?? ''),
        text: text.join('\n'),
      };
    });
}
