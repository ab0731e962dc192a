/** One chapter cue of a WebVTT chapters file. */
export interface VttChapter {
  start: number;
  end: number;
  title: string;
}

const seconds = (time: string) => {
  const [h, m, s] = time.split(':').map(Number);
  return (h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0);
};

/**
 * A WebVTT chapters file read strictly: the WEBVTT header, then blocks of an optional id, a
 * `hh:mm:ss.mmm --> hh:mm:ss.mmm` line and a non-empty title, in time order, never overlapping.
 */
export function parseVttChapters(text: string): VttChapter[] {
  const [header, ...blocks] = text.trim().split(/\n\n+/);
  if (header?.trim() !== 'WEBVTT') throw new Error(`not WebVTT: ${header}`);
  const cues = blocks.map((block) => {
    const lines = block.split('\n');
    const timing = lines.findIndex((l) => l.includes('-->'));
    const match = /^(\d\d:\d\d:\d\d\.\d{3}) --> (\d\d:\d\d:\d\d\.\d{3})$/.exec(lines[timing] ?? '');
    const title = lines
      .slice(timing + 1)
      .join('\n')
      .trim();
    if (!match || !title) throw new Error(`bad cue: ${block}`);
    return { start: seconds(match[1] ?? ''), end: seconds(match[2] ?? ''), title };
  });
  cues.forEach((cue, i) => {
    if (cue.end <= cue.start) throw new Error(`cue ${i + 1} ends before it starts`);
    if (i > 0 && cue.start < (cues[i - 1]?.end ?? 0) - 0.001)
      throw new Error(`cue ${i + 1} overlaps the one before`);
  });
  return cues;
}

/** One page of an exported slides deck: its time, picture and the on-screen text listed. */
export interface DeckPageSeen {
  t: number;
  image: string;
  onScreen: string;
  /** Other times the same slide or shot came back ("again at 2:20, 4:10"). */
  again: string[];
}

/** The pages of a slides deck's HTML (`<section class="slide">`), as its markup states them. */
export function slidesOf(html: string): DeckPageSeen[] {
  return [
    ...html.matchAll(/<section class="slide"[^>]*data-t="([\d.]+)"[^>]*>([\s\S]*?)<\/section>/g),
  ].map(([, t, body = '']) => ({
    t: Number(t),
    image: /<img src="([^"]+)"/.exec(body)?.[1] ?? '',
    again: (/\(again at ([^)]*)\)/.exec(body)?.[1] ?? '').split(', ').filter(Boolean),
    onScreen: [
      ...(/<ul class="text">([\s\S]*?)<\/ul>/.exec(body)?.[1] ?? '').matchAll(/<li>(.*?)<\/li>/g),
    ]
      .map((m) => m[1])
      .join('\n'),
  }));
}
