import { beforeEach, describe, expect, it } from 'vitest';
import { readSettings, updateSettings } from '../../../src/settings/settings';

const KEY = 'gsk_0123456789abcdef';
const store = (value: unknown) => localStorage.setItem('bri.settings', JSON.stringify(value));

describe('settings keep the Groq key where the person meant it to go', () => {
  beforeEach(() => localStorage.clear());

  it('refuses a Groq base URL over plain http, except to this machine', () => {
    expect(() => updateSettings({ groqBaseUrl: 'http://evil.example' })).toThrow(
      /Groq base URL .* https:\/\//,
    );
    expect(readSettings().groqBaseUrl).toBeNull();
    for (const local of ['http://127.0.0.1:4191', 'http://localhost:8080', 'http://[::1]:9'])
      expect(updateSettings({ groqBaseUrl: local }).groqBaseUrl).toBe(local);
    expect(updateSettings({ groqBaseUrl: 'https://proxy.example/groq' }).groqBaseUrl).toBe(
      'https://proxy.example/groq',
    );
  });

  it('changing the Groq base URL clears the key unless the same change gives one', () => {
    updateSettings({ groqApiKey: KEY });
    expect(updateSettings({ groqBaseUrl: 'https://other.example' }).groqApiKey).toBeNull();
    updateSettings({ groqApiKey: KEY, groqBaseUrl: 'https://other.example' });
    expect(readSettings().groqApiKey).toBe(KEY);
    // The same URL again is no move.
    expect(updateSettings({ groqBaseUrl: 'https://other.example' }).groqApiKey).toBe(KEY);
    expect(updateSettings({ groqModel: 'llama-3.3-70b-versatile' }).groqApiKey).toBe(KEY);
  });

  it('a stored key for a host that is no longer allowed is not used', () => {
    store({ groqApiKey: KEY, groqBaseUrl: 'http://evil.example' });
    expect(readSettings()).toMatchObject({ groqApiKey: null, groqBaseUrl: null });
  });

  it('a setting from a newer version, or one bad value, does not wipe the others', () => {
    store({ groqApiKey: KEY, autoAnalyse: false, futureFeature: { on: true }, modelSet: 'huge' });
    expect(readSettings()).toMatchObject({
      groqApiKey: KEY,
      autoAnalyse: false,
      modelSet: 'fast',
    });
    expect(readSettings()).not.toHaveProperty('futureFeature');
    localStorage.setItem('bri.settings', '{not json');
    expect(readSettings().groqApiKey).toBeNull();
  });
});
