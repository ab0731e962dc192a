import { describe, expect, it } from 'vitest';
import { backoffMs, isTransient, sleep } from '../../../src/pipeline/retry-policy';

const named = (name: string, message: string) => Object.assign(new Error(message), { name });

describe('retry policy', () => {
  it('retries network trouble and server hiccups, not missing files, full disks or cancels', () => {
    expect(isTransient(new TypeError('Failed to fetch'))).toBe(true);
    expect(isTransient(named('ModelLoadError', 'Could not download the model file “a.onnx”'))).toBe(
      true,
    );
    expect(isTransient(named('ModelLoadError', 'missing at http://x/a.onnx (HTTP 503)'))).toBe(
      true,
    );
    expect(isTransient(named('ModelLoadError', 'missing at http://x/a.onnx (HTTP 404)'))).toBe(
      false,
    );
    expect(isTransient(named('QuotaExceededError', 'Failed to fetch'))).toBe(false);
    expect(isTransient(named('AbortError', 'Cancelled'))).toBe(false);
  });

  it('backs off 2 s, then 8 s', () => {
    expect([backoffMs(2), backoffMs(3)]).toEqual([2000, 8000]);
  });

  it('stops waiting the moment the run is cancelled', async () => {
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort(named('AbortError', 'Cancelled by the user'));
    await expect(waiting).rejects.toThrow('Cancelled by the user');
  });
});
