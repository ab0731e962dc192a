import { beforeEach, describe, expect, it } from 'vitest';
import { MODEL_SETS, resolveModel } from '../../../models';
import { MODEL_ROLES } from '../../../src/shared/model-spec';
import { readSettings, updateSettings } from '../../../src/settings/settings';

describe('model registry', () => {
  it('has a model with licence, size and both dtypes for every role in both sets', () => {
    for (const set of Object.values(MODEL_SETS)) {
      for (const role of MODEL_ROLES) {
        const spec = set[role];
        expect(spec.role).toBe(role);
        expect(spec.licence).toMatch(/^(Apache-2\.0|MIT|BSD-3-Clause|CC-BY-4\.0)$/);
        expect(spec.approxBytes).toBeGreaterThan(1_000_000);
        expect(spec.dtype.wasm).toBeTruthy();
      }
    }
    expect(MODEL_SETS.fast.asr.id).not.toBe(MODEL_SETS.accurate.asr.id);
  });

  const defaults = { modelSet: 'fast', modelBaseUrl: null, models: {} } as const;

  it('resolves raw ONNX models under a self-hosted base, else to their published file', () => {
    expect(resolveModel('detect', defaults).url).toBe(MODEL_SETS.fast.detect.defaultUrl);
    const hosted = resolveModel('detect', { ...defaults, modelBaseUrl: 'http://models.test/m/' });
    expect(hosted.url).toBe('http://models.test/m/yolox-nano/yolox_nano.onnx');
    const custom = resolveModel('detect', {
      ...defaults,
      modelBaseUrl: 'http://models.test',
      models: { detect: 'mine/yolov8n.onnx' },
    });
    expect(custom.url).toBe('http://models.test/mine/yolov8n.onnx');
  });

  it('resolves transformers.js models to an id and an optional host', () => {
    const asr = resolveModel('asr', {
      ...defaults,
      modelBaseUrl: 'http://models.test/',
      models: { asr: 'test/whisper-tiny.en-random' },
    });
    expect(asr).toMatchObject({
      id: 'test/whisper-tiny.en-random',
      baseUrl: 'http://models.test/',
    });
    expect(resolveModel('asr', { ...defaults, modelSet: 'accurate' }).id).toBe(
      MODEL_SETS.accurate.asr.id,
    );
  });
});

describe('settings', () => {
  beforeEach(() => {
    const store = new Map<string, string>();
    globalThis.localStorage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    } as Storage;
  });

  it('stores valid changes and refuses bad ones without changing anything', () => {
    updateSettings({ modelSet: 'accurate', models: { detect: 'yolox-nano/yolox_nano.onnx' } });
    expect(readSettings()).toMatchObject({ modelSet: 'accurate', autoAnalyse: true });
    expect(() => updateSettings({ modelSet: 'slow' as 'fast' })).toThrow(/modelSet/);
    expect(() => updateSettings({ modelBaseUrl: 'ftp://x' })).toThrow(/modelBaseUrl/);
    expect(() => updateSettings({ models: { speech: 'x' } as never })).toThrow(/models/);
    expect(readSettings().modelSet).toBe('accurate');
  });
});
