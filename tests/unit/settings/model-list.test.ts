import { describe, expect, it } from 'vitest';
import { MODEL_SETS } from '../../../models';
import { listModels, setDownloadBytes } from '../../../src/settings/model-list';

const CHOICE = { modelSet: 'fast' as const, modelBaseUrl: null, models: {} };

describe('the Settings model list', () => {
  it('has one row per role with the set’s model, licence and size', () => {
    const rows = listModels(CHOICE);
    expect(rows.map((r) => r.role)).toEqual([
      'asr',
      'caption',
      'detect',
      'ocr',
      'textEmbed',
      'imageEmbed',
      'chatLlm',
      'speakerSegment',
      'speakerEmbed',
    ]);
    const asr = rows[0]!;
    expect(asr).toMatchObject({
      name: MODEL_SETS.fast.asr.name,
      licence: 'MIT',
      approxBytes: MODEL_SETS.fast.asr.approxBytes,
      overridden: false,
    });
    expect(rows.find((r) => r.role === 'ocr')?.bundled).toBe(true);
  });

  it('shows an overridden model by its id, without a size it cannot know', () => {
    const rows = listModels({ ...CHOICE, models: { asr: 'me/my-whisper' } });
    expect(rows[0]).toMatchObject({ id: 'me/my-whisper', overridden: true, approxBytes: null });
  });

  it('sums the downloads of a set, leaving out what ships with the app and the optional chat model', () => {
    const fast = MODEL_SETS.fast;
    const expected =
      fast.asr.approxBytes +
      fast.caption.approxBytes +
      fast.detect.approxBytes +
      fast.textEmbed.approxBytes +
      fast.imageEmbed.approxBytes +
      fast.speakerSegment.approxBytes +
      fast.speakerEmbed.approxBytes;
    expect(setDownloadBytes('fast')).toBe(expected);
    expect(setDownloadBytes('accurate')).toBeGreaterThan(setDownloadBytes('fast'));
  });
});
