import { describe, expect, it } from 'vitest';
import { toCues, toSrt, toVtt } from '../../../../src/library/exports/subtitles';
import { formatCueTime } from '../../../../src/shared/format';

describe('formatCueTime', () => {
  it('writes hours, minutes, seconds and milliseconds with the format’s separator', () => {
    expect(formatCueTime(0, ',')).toBe('00:00:00,000');
    expect(formatCueTime(75.4, ',')).toBe('00:01:15,400');
    expect(formatCueTime(3725.0006, '.')).toBe('01:02:05.001');
  });
});

describe('toCues', () => {
  it('orders cues, drops empty ones, and ends each before the next begins', () => {
    expect(
      toCues([
        { start: 5, end: 12, text: ' Here is  a bus.\n' },
        { start: 0, end: 6, text: 'Welcome.' },
        { start: 12, end: 12, text: 'Short.' },
        { start: 13, end: 14, text: '   ' },
      ]),
    ).toEqual([
      { start: 0, end: 5, text: 'Welcome.' },
      { start: 5, end: 12, text: 'Here is a bus.' },
      { start: 12, end: 12.5, text: 'Short.' },
    ]);
  });
});

describe('toSrt', () => {
  it('numbers cues from 1, blank line between them', () => {
    expect(
      toSrt([
        { start: 0, end: 2.5, text: 'Hello.' },
        { start: 3, end: 4, text: 'Bye.' },
      ]),
    ).toBe('1\n00:00:00,000 --> 00:00:02,500\nHello.\n\n2\n00:00:03,000 --> 00:00:04,000\nBye.\n');
  });
});

describe('toVtt', () => {
  it('starts with the WEBVTT header and escapes what would read as markup or timing', () => {
    expect(toVtt([{ start: 1, end: 2, text: 'a < b & c --> d' }])).toBe(
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\na &lt; b &amp; c --&gt; d\n',
    );
  });

  it('is a header alone when nothing is said', () => {
    expect(toVtt([])).toBe('WEBVTT\n');
  });
});
