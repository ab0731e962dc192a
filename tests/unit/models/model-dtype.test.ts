import { describe, expect, it } from 'vitest';
import { MODEL_SETS } from '../../../models';
import { dtypeOn } from '../../../src/shared/model-dtype';
import type { ModelRole } from '../../../src/shared/model-spec';

/**
 * The fast set's format per role on WASM, from `npm run bench -- --formats` (scripts/README.md):
 * q8 wherever MatMuls dominate — 1.5× to 2.5× faster than fp32 for Whisper's encoder, the
 * captioner, CLIP and MiniLM; q4 (MatMulNBits) runs those as slowly as fp32, and is faster only
 * for Whisper's decoder step (23 vs 26 ms), too little beside the encoder's 540 ms for a second
 * download. The speaker graphs are convolutions and recurrences, which run alike in every format:
 * fp32 is exact. The detector and OCR ship as fp32 only.
 */
const WASM_FORMAT: Record<ModelRole, string> = {
  asr: 'q8',
  caption: 'q8',
  textEmbed: 'q8',
  imageEmbed: 'q8',
  chatLlm: 'q8',
  speakerSegment: 'fp32',
  speakerEmbed: 'fp32',
  detect: 'fp32',
  ocr: 'fp32',
};

describe('dtypeOn', () => {
  it('runs each role in the format measured fastest on WASM', () => {
    for (const [role, spec] of Object.entries(MODEL_SETS.fast))
      expect([role, dtypeOn(spec, 'wasm', false)]).toEqual([role, WASM_FORMAT[role as ModelRole]]);
  });

  it('keeps f16 formats on WebGPU with shader-f16 and drops the f16 part without it', () => {
    const spec = { dtype: { webgpu: 'fp16', wasm: 'q8' } } as const;
    expect(dtypeOn(spec, 'webgpu', true)).toBe('fp16');
    expect(dtypeOn(spec, 'webgpu', false)).toBe('fp32');
    const chat = { dtype: { webgpu: 'q4f16', wasm: 'q8' } } as const;
    expect(dtypeOn(chat, 'webgpu', false)).toBe('q4');
    expect(dtypeOn(chat, 'wasm', false)).toBe('q8');
  });
});
