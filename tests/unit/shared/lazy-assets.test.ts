import { describe, expect, it } from 'vitest';
import { assetKind, planLazyRefresh } from '../../../src/shared/lazy-assets';

const at = (name: string) => `https://bri.app/assets/${name}`;

describe('planLazyRefresh', () => {
  it('names a built file by what it is, without its hash', () => {
    expect(assetKind(at('ort-wasm-simd-threaded-4byDm7i3.wasm'))).toBe(
      'ort-wasm-simd-threaded.wasm',
    );
    expect(assetKind(at('ort-wasm-simd-threaded.asyncify-CxOG5pUO.wasm'))).toBe(
      'ort-wasm-simd-threaded.asyncify.wasm',
    );
    expect(assetKind(at('silero_vad_v5-Dt9-bTDn.onnx'))).toBe('silero_vad_v5.onnx');
  });

  it('fetches the new file of each kind used, drops the old, leaves unused kinds alone', () => {
    const cached = [
      at('ort-wasm-simd-threaded-OLDHASH1.wasm'),
      at('ch_PP-OCRv4_det_infer-DNKywHAZ.onnx'),
      'https://huggingface.co/x/resolve/main/onnx/model.onnx',
    ];
    const built = [
      at('ort-wasm-simd-threaded-NEWHASH1.wasm'),
      at('ort-wasm-simd-threaded.asyncify-NEWHASH2.wasm'),
      at('ch_PP-OCRv4_det_infer-DNKywHAZ.onnx'),
      at('ffmpeg-core-NEWHASH3.wasm'),
    ];
    expect(planLazyRefresh(cached, built)).toEqual({
      fetch: [at('ort-wasm-simd-threaded-NEWHASH1.wasm')],
      drop: [at('ort-wasm-simd-threaded-OLDHASH1.wasm')],
    });
  });
});
