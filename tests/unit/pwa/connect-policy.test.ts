import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyConnectPolicy, reloadForNewHosts } from '../../../src/pwa/connect-policy';
import { readSettings, updateSettings } from '../../../src/settings/settings';
import { useLibraryStore, type ImportItem } from '../../../src/store/library-store';

const reload = vi.fn();
const importItem = (state: ImportItem['state']): ImportItem => ({
  key: 'k',
  name: 'talk.mp4',
  size: 1,
  state,
  phase: 'storing',
  fraction: 0.5,
});

beforeEach(() => {
  reload.mockClear();
  vi.stubGlobal('location', { reload });
  vi.stubGlobal('document', {
    createElement: () => ({}),
    head: { append: () => undefined },
  });
  applyConnectPolicy(readSettings());
});
afterEach(() => {
  vi.unstubAllGlobals();
  useLibraryStore.setState({ imports: [] });
  localStorage.clear();
});

describe('reloadForNewHosts', () => {
  it('waits for an import in progress before reloading for a new host, then reloads once', () => {
    useLibraryStore.setState({ imports: [importItem('running')] });
    updateSettings({ groqBaseUrl: 'https://groq.example.org' });
    expect(reloadForNewHosts()).toBe('after-imports');
    expect(reload).not.toHaveBeenCalled();
    useLibraryStore.setState({
      imports: [importItem('running'), { ...importItem('queued'), key: 'q' }],
    });
    expect(reload).not.toHaveBeenCalled();
    // The failed one stays listed: it is not work a reload would lose.
    useLibraryStore.setState({ imports: [importItem('failed')] });
    expect(reload).toHaveBeenCalledTimes(1);
    useLibraryStore.setState({ imports: [] });
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('reloads at once when nothing is being imported, and not at all for a known host', () => {
    expect(reloadForNewHosts()).toBe('not-needed');
    updateSettings({ groqBaseUrl: 'https://groq.example.net' });
    expect(reloadForNewHosts()).toBe('now');
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
