import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BriDatabase } from '../../../src/db';
import { claimsAt, confirmClaims } from '../../../src/agent/confirm-claims';
import type { Citation } from '../../../src/agent/citations';
import { seedCity } from '../tools/seeded-library';

let db: BriDatabase;

beforeEach(async () => {
  db = new BriDatabase(`test-${crypto.randomUUID()}`);
  await seedCity(db);
});
afterEach(() => db.delete());

const at = (t: number, label: string): Citation => ({ video_id: 'city', t, label });

/** Each citation's label and verdict for `text`. */
async function verdicts(text: string, citations: Citation[]) {
  const checked = await confirmClaims(text, citations, db);
  return checked.map((c) => [c.label, c.confirmed, c.why ?? null]);
}

describe('confirmClaims (city.mp4: bus 0–20 s, men with a tie 20–40 s, slides 40–60 s)', () => {
  it('a named object must be detected, described or said there', async () => {
    expect(
      await verdicts('A blue bus stops at [00:10]. A giraffe walks past at [00:25].', [
        at(10, '[00:10]'),
        at(25, '[00:25]'),
      ]),
    ).toEqual([
      ['[00:10]', true, null],
      ['[00:25]', false, 'no giraffe was detected, described or mentioned around 00:25'],
    ]);
  });

  it('who is speaking is not a claim about who is in the picture', async () => {
    expect(
      await verdicts(
        'Around [00:41]: someone speaks while the screen reads “public transport”. A man stands at [00:45].',
        [at(41, '[00:41]'), at(45, '[00:45]')],
      ),
    ).toEqual([
      ['[00:41]', true, null],
      ['[00:45]', false, 'no person was detected, described or mentioned around 00:45'],
    ]);
  });

  it('words quoted must be said or shown there, word for word', async () => {
    expect(
      await verdicts(
        'The guide says "here is a blue bus" [00:06]; the slide reads “public transport” [00:41]; ' +
          'and he says "the trams are free" [00:15].',
        [at(6, '[00:06]'), at(41, '[00:41]'), at(15, '[00:15]')],
      ),
    ).toEqual([
      ['[00:06]', true, null],
      ['[00:41]', true, null],
      ['[00:15]', false, '“the trams are free” is not said or shown around 00:15'],
    ]);
  });

  it('checks each moment against its own part of a sentence, before or after the label', async () => {
    expect(
      await verdicts('A bus at [00:05] and a tie at [00:30]. At [00:50], a cat sits on the desk.', [
        at(5, '[00:05]'),
        at(30, '[00:30]'),
        at(50, '[00:50]'),
      ]),
    ).toEqual([
      ['[00:05]', true, null],
      ['[00:30]', true, null],
      ['[00:50]', false, 'no cat was detected, described or mentioned around 00:50'],
    ]);
  });

  it('a denial, or a claim with nothing to check, stands', async () => {
    expect(
      await verdicts('There is no giraffe at [00:25]. Something happens at [00:45].', [
        at(25, '[00:25]'),
        at(45, '[00:45]'),
      ]),
    ).toEqual([
      ['[00:25]', true, null],
      ['[00:45]', true, null],
    ]);
  });
});

describe('claimsAt on a hostile answer', () => {
  // A model can write anything; runs of spaces once cost quadratic time in the sentence split and
  // the "opens with the label" check (40k spaces: over a second on the main thread). Linear now:
  // 400k characters finish well inside the test's timeout instead of taking minutes.
  const SPACES = ' '.repeat(400_000);

  /** The claims, with the run of spaces written as its length (a failing diff stays small). */
  const claims = (text: string, label: string) =>
    claimsAt(text, label).map((claim) => claim.replace(/ {1000,}/g, (run) => `<${run.length}>`));

  it('splits sentences in linear time on long runs of spaces', () => {
    const text = `A bus at [00:05].${SPACES}x and more at [00:10].`;
    expect(claims(text, '[00:10]')).toEqual(['.<400000>x and more at ']);
  });

  it('checks a label that opens its sentence in linear time', () => {
    expect(claims(`**${SPACES}x [00:05] a bus.`, '[00:05]')).toEqual(['**<400000>x ']);
    expect(claims(`At${SPACES}[00:05], a bus.`, '[00:05]')).toEqual([', a bus.']);
  });

  it('still splits where a sentence ends', () => {
    const text = 'A bus at [00:05].  Then a tie at [00:25]! "Quoted" at [00:30].';
    expect(claimsAt(text, '[00:25]')).toEqual(['Then a tie at ']);
    expect(claimsAt(text, '[00:30]')).toEqual(['"Quoted" at ']);
  });
});
