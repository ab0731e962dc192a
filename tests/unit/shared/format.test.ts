import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatDuration } from '../../../src/shared/format';

describe('formatDuration', () => {
  it.each([
    [0, '0:00'],
    [11.04, '0:11'],
    [75.9, '1:15'],
    [300.02, '5:00'],
    [3725, '1:02:05'],
    [-3, '0:00'],
  ])('%s s → %s', (seconds, text) => expect(formatDuration(seconds)).toBe(text));
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [137_654, '138 KB'],
    [4_479_825, '4.5 MB'],
    [10_737_418_240, '10.7 GB'],
  ])('%s → %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});

describe('formatDate', () => {
  it('shows day, short month and year', () => {
    expect(formatDate(Date.UTC(2026, 10, 23, 12), 'en-GB')).toBe('23 Nov 2026');
  });
});
