import { describe, expect, it } from 'vitest';
import { freeNow } from '../../../workers/lib/models/free-now';

describe('freeNow', () => {
  it('detaches a buffer the bytes cover whole', () => {
    const bytes = new Uint8Array(1024).fill(7);
    freeNow(bytes);
    expect(bytes.byteLength).toBe(0);
    expect(bytes.buffer.byteLength).toBe(0);
  });

  it('leaves a view into a larger buffer, and the buffer, alone', () => {
    const whole = new Uint8Array(1024).fill(7);
    const middle = whole.subarray(100, 200);
    freeNow(middle);
    expect(middle.byteLength).toBe(100);
    expect(whole[150]).toBe(7);
    const tail = whole.subarray(0, 512);
    freeNow(tail);
    expect(whole.byteLength).toBe(1024);
  });
});
