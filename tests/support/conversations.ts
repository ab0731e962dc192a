import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Recordings of people talking in turns, made at test time with Debian's espeak-ng and ffmpeg,
 * with the truth of who spoke when: two clearly different voices (a low American one and a high
 * female variant), turns of one or two sentences (3–8 s), a short pause between turns.
 */
export interface TrueTurn {
  start: number;
  end: number;
  speaker: 1 | 2;
}

export interface Conversation {
  path: string;
  turns: TrueTurn[];
  duration: number;
}

const VOICES = {
  1: ['-v', 'en-us', '-p', '20', '-s', '165'],
  2: ['-v', 'en+f3', '-p', '90', '-s', '175'],
} as const;

const SENTENCES = [
  'Welcome everyone to the planning meeting for next year.',
  'Thank you. I want to start with the budget for travel.',
  'The travel budget grew by twelve percent since last spring.',
  'That seems high. Which teams are travelling the most?',
  'Mostly sales, and the support engineers who visit customers.',
  'Could we replace some of those visits with video calls?',
  'Some of them, yes, but customers like to meet in person.',
  'Then let us look at the hardware budget next.',
  'We need new laptops for about thirty people this year.',
  'Can we lease them instead of buying them outright?',
  'Leasing costs a little more but spreads the payments.',
  'I would prefer that. Cash is tight in the first quarter.',
  'Agreed. What about the office move in the autumn?',
  'The new building is ready in October, a month late.',
  'Does the delay change the rent we pay this year?',
  'No, the landlord agreed to keep the old rate until then.',
  'Good news. Let us talk about hiring for a moment.',
  'We plan to hire four engineers and one designer.',
  'Is the designer role for the mobile application?',
  'Yes, the app needs a complete refresh before summer.',
  'How long does a refresh like that usually take?',
  'About four months with two people working on it.',
  'Then we should start the search for the designer now.',
  'I will post the job description on Monday morning.',
  'Finally, the training budget. Is anything left there?',
  'About half of it. Most teams have not used theirs yet.',
  'Let us remind them before the end of the month.',
  'I will send a note to every team lead this week.',
  'Thank you all. That is everything on the list today.',
  'Thanks. See you at the same time next week.',
];

const RATE = 22050; // espeak-ng's output rate

/** A WAV of `text` in a voice, as 16-bit samples. */
function speak(text: string, speaker: 1 | 2, dir: string): Int16Array {
  const path = join(dir, 'say.wav');
  execFileSync('espeak-ng', [...VOICES[speaker], '-w', path, text]);
  const wav = readFileSync(path);
  const data = wav.indexOf('data') + 8;
  return new Int16Array(wav.buffer.slice(wav.byteOffset + data, wav.byteOffset + wav.length));
}

/** First and last sample louder than a whisper: where the voice really starts and stops. */
function voiced(samples: Int16Array): [number, number] {
  const loud = (x: number) => Math.abs(x) > 300;
  const first = samples.findIndex(loud);
  let last = samples.length - 1;
  while (last > first && !loud(samples[last] ?? 0)) last--;
  return [Math.max(0, first), last + 1];
}

/**
 * Writes a conversation of about `seconds`: `voices` 2 alternates the two voices turn by turn
 * (1: one voice throughout). `picture` makes it a video — white slides, showing `caption` while
 * `captionTurn` is spoken — else it is sound only (AAC in .m4a).
 */
export function makeConversation({
  name,
  seconds,
  voices = 2,
  picture,
}: {
  /** The file's name (`.m4a`, or `.mp4` with a picture). */
  name: string;
  seconds: number;
  voices?: 1 | 2;
  picture?: { caption: string; captionTurn: number };
}): Conversation {
  const dir = mkdtempSync(join(tmpdir(), 'bri-voices-'));
  const pause = new Int16Array(Math.round(0.6 * RATE));
  const parts: Int16Array[] = [pause];
  const turns: TrueTurn[] = [];
  let at = pause.length;
  for (let i = 0; at / RATE < seconds; i++) {
    const speaker = (voices === 1 ? 1 : (i % 2) + 1) as 1 | 2;
    const text = `${SENTENCES[(2 * i) % SENTENCES.length]} ${i % 3 === 0 ? '' : SENTENCES[(2 * i + 1) % SENTENCES.length]}`;
    const said = speak(text, speaker, dir);
    const [from, to] = voiced(said);
    turns.push({ start: at / RATE, end: (at + to - from) / RATE, speaker });
    parts.push(said.subarray(from, to), pause);
    at += to - from + pause.length;
  }
  const pcm = new Int16Array(at);
  let offset = 0;
  for (const part of parts) {
    pcm.set(part, offset);
    offset += part.length;
  }
  const raw = join(dir, 'voices.raw');
  writeFileSync(raw, Buffer.from(pcm.buffer));
  const duration = at / RATE;
  const audio = ['-f', 's16le', '-ar', String(RATE), '-ac', '1', '-i', raw];
  const path = join(dir, name);
  if (picture) {
    const turn = turns[picture.captionTurn]!;
    const font = '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf';
    const text = `drawtext=fontfile=${font}:text='${picture.caption}':fontsize=56:fontcolor=black:x=(w-text_w)/2:y=h-120:enable='between(t,${turn.start.toFixed(2)},${turn.end.toFixed(2)})'`;
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      `color=c=white:s=640x360:r=10:d=${duration.toFixed(2)}`,
      ...audio,
      '-vf',
      text,
      '-c:v',
      'libx264',
      '-pix_fmt',
      'yuv420p',
      '-c:a',
      'aac',
      '-shortest',
      path,
    ]);
  } else {
    execFileSync('ffmpeg', ['-v', 'error', '-y', ...audio, '-c:a', 'aac', '-b:a', '64k', path]);
  }
  return { path, turns, duration };
}

/**
 * Diarization error rate of `found` against the truth: missed speech, false alarm and speaker
 * confusion over the true speech, on a 10 ms grid, with the found speakers mapped to the true
 * ones by most overlap and a 0.25 s forgiveness collar around each true turn boundary (the
 * usual scoring).
 */
export function diarizationErrorRate(
  truth: readonly TrueTurn[],
  found: readonly { start: number; end: number; speaker: number }[],
  duration: number,
): number {
  const step = 0.01;
  const collar = 0.25;
  const at = (turns: readonly { start: number; end: number; speaker: number }[], t: number) =>
    turns.filter((turn) => t >= turn.start && t < turn.end).map((turn) => turn.speaker);
  const overlap = new Map<string, number>();
  for (let t = 0; t < duration; t += step)
    for (const s of at(found, t))
      for (const r of at(truth, t)) overlap.set(`${s}>${r}`, (overlap.get(`${s}>${r}`) ?? 0) + 1);
  const mapping = new Map<number, number>();
  for (const [key] of [...overlap].sort((a, b) => b[1] - a[1])) {
    const [s, r] = key.split('>').map(Number) as [number, number];
    if (!mapping.has(s) && ![...mapping.values()].includes(r)) mapping.set(s, r);
  }
  const nearBoundary = (t: number) =>
    truth.some((turn) => Math.abs(t - turn.start) < collar || Math.abs(t - turn.end) < collar);
  let speech = 0;
  let errors = 0;
  for (let t = 0; t < duration; t += step) {
    if (nearBoundary(t)) continue;
    const real = at(truth, t);
    const heard = at(found, t).map((s) => mapping.get(s) ?? -s);
    speech += real.length;
    const correct = real.filter((r) => heard.includes(r)).length;
    errors += Math.max(real.length, heard.length) - correct;
  }
  return speech === 0 ? 0 : errors / speech;
}
