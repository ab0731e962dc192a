import { describe, expect, it } from 'vitest';
import { isSoftwareAdapter } from '../../../src/shared/gpu-adapter';

const adapter = (info: Record<string, unknown>) => ({ features: { has: () => false }, info });

describe('isSoftwareAdapter', () => {
  it('names the CPU renderers and fallback adapters, not hardware GPUs', () => {
    expect(isSoftwareAdapter(adapter({ vendor: 'google', architecture: 'swiftshader' }))).toBe(
      true,
    );
    expect(isSoftwareAdapter(adapter({ description: 'llvmpipe (LLVM 15.0.6, 256 bits)' }))).toBe(
      true,
    );
    expect(isSoftwareAdapter(adapter({ vendor: 'microsoft', isFallbackAdapter: true }))).toBe(true);
    expect(isSoftwareAdapter(adapter({ vendor: 'nvidia', architecture: 'ampere' }))).toBe(false);
    expect(isSoftwareAdapter(adapter({ vendor: 'apple', architecture: 'metal-3' }))).toBe(false);
    expect(isSoftwareAdapter({ features: { has: () => true } })).toBe(false);
  });
});
