import { openAsBlob } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findTruncation } from '../../../workers/lib/check-truncation';
import { mediaPath } from '../../paths';

describe('findTruncation', () => {
  it.each([
    ['jfk_bus_zidane.mp4', 'mp4'],
    ['jfk_bus_zidane.mov', 'mov'],
    ['jfk_bus_zidane.webm', 'webm'],
    ['jfk_bus_zidane.mkv', 'mkv'],
    ['jfk_bus_zidane.avi', 'avi'],
    ['lecture-5min.mp4', 'mp4'],
  ] as const)('accepts the complete %s', async (name, container) => {
    expect(await findTruncation(await openAsBlob(mediaPath(name)), container)).toBeNull();
  });

  it('finds the cut-off mdat of truncated.mp4 and says how much is there', async () => {
    const reason = await findTruncation(await openAsBlob(mediaPath('bad/truncated.mp4')), 'mp4');
    expect(reason).toBe('the “mdat” section ends early: only 38 % of its data is present');
  });

  it.each([
    ['jfk_bus_zidane.webm', 'webm'],
    ['jfk_bus_zidane.mkv', 'mkv'],
    ['jfk_bus_zidane.avi', 'avi'],
  ] as const)('finds %s cut in half', async (name, container) => {
    const whole = await openAsBlob(mediaPath(name));
    const half = whole.slice(0, Math.floor(whole.size / 2));
    expect(await findTruncation(half, container)).toMatch(
      /^the video data ends early: only (49|50) % of its data is present$/,
    );
  });

  it('finds an MP4 cut inside a box header', async () => {
    const whole = await openAsBlob(mediaPath('jfk_bus_zidane.mp4'));
    const reason = await findTruncation(whole.slice(0, 36), 'mp4');
    expect(reason).toBe('the last box header is cut off');
  });
});
