import { describe, expect, it } from 'vitest';
import { freeBytes, isQuotaError } from '../../../src/storage/storage-status';

describe('freeBytes', () => {
  it('is quota minus usage, never negative', () => {
    expect(freeBytes({ usage: 300, quota: 1000, persisted: false })).toBe(700);
    expect(freeBytes({ usage: 1300, quota: 1000, persisted: false })).toBe(0);
  });

  it('is unknown when the browser does not say', () => {
    expect(freeBytes({ usage: null, quota: null, persisted: false })).toBeNull();
  });
});

describe('isQuotaError', () => {
  it('recognises the DOMException and Dexie’s wrapper around it', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(
      isQuotaError(Object.assign(new Error('AbortError'), { name: 'AbortError', inner: quota })),
    ).toBe(true);
  });

  it('ignores other errors', () => {
    expect(isQuotaError(new Error('nope'))).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
  });
});
