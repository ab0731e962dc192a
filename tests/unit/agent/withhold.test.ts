import { describe, expect, it } from 'vitest';
import {
  SHARE_EVERYTHING,
  WITHHELD,
  withheldNote,
  withholdFromResult,
} from '../../../src/agent/withhold';

const CONTEXT = {
  video_id: 'city',
  t: 10,
  window: { start: 5, end: 15 },
  transcript: [{ start: 5, end: 12, text: 'Here is a blue bus.' }],
  captions: [{ t: 10, caption: 'a blue bus on a street' }],
  objects: [{ label: 'bus', max_confidence: 0.9, frames: 2 }],
  on_screen_text: ['Route 42'],
};

describe('withholdFromResult', () => {
  it('takes out only the kinds switched off, keeping times, scores and ids', () => {
    const { value, withheld } = withholdFromResult('get_context_at', CONTEXT, {
      ...SHARE_EVERYTHING,
      transcript: false,
      objectNames: false,
    });
    expect(value).toEqual({
      ...CONTEXT,
      transcript: [{ start: 5, end: 12, text: WITHHELD }],
      objects: [{ label: WITHHELD, max_confidence: 0.9, frames: 2 }],
    });
    expect([...withheld].sort()).toEqual(['objectNames', 'transcript']);
  });

  it('knows what a bare `text` holds from the tool, and file names wherever they are', () => {
    const share = { ...SHARE_EVERYTHING, transcript: false, onScreenText: false, fileNames: false };
    expect(
      withholdFromResult(
        'search_transcript',
        { query: 'bus', results: [{ video_id: 'city', start: 5, end: 12, text: 'a bus' }] },
        share,
      ).value,
    ).toEqual({ query: 'bus', results: [{ video_id: 'city', start: 5, end: 12, text: WITHHELD }] });
    expect(
      withholdFromResult(
        'look_again',
        { frames: [{ t: 1, text: [{ text: 'EXIT', score: 0.9 }] }] },
        share,
      ).value,
    ).toEqual({ frames: [{ t: 1, text: [{ text: WITHHELD, score: 0.9 }] }] });
    const overview = withholdFromResult(
      'get_video_overview',
      { videos: [{ name: 'tax-2025.mp4', duration: 60 }] },
      share,
    );
    expect(overview.value).toEqual({ videos: [{ name: WITHHELD, duration: 60 }] });
    expect(withheldNote(overview.withheld)).toBe(
      '*Kept on this device, not sent to Groq (Settings → Chat): file names. The answer is from the rest.*',
    );
  });

  it('sends everything, and says nothing, when every kind is shared', () => {
    const { value, withheld } = withholdFromResult('get_context_at', CONTEXT, SHARE_EVERYTHING);
    expect(value).toEqual(CONTEXT);
    expect(withheldNote(withheld)).toBe('');
  });
});
