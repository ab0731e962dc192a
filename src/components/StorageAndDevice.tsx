import { clearModelCaches, readCacheUsage, type CacheUsage } from '../features/device';
import { refreshStorage } from '../features/library';
import { useEffect, useState } from 'react';
import { showDiagnostics } from './navigation';
import { formatBytes } from '../shared/format';
import { useLibraryStore } from '../store/library-store';
import { DeviceSummary } from './DeviceSummary';
import { useDeviceInfo } from './use-device-info';

/** Settings' storage: what BRI uses, what can be freed, and the way to Diagnostics. */
export function StorageSettings({ onLeave }: { onLeave: () => void }) {
  const storage = useLibraryStore((s) => s.storage);
  const videos = useLibraryStore((s) => s.videos);
  const [caches, setCaches] = useState<CacheUsage[] | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => void readCacheUsage().then(setCaches), [version]);

  const models = caches?.filter((c) => !c.appShell) ?? [];
  const modelBytes = models.reduce((sum, c) => sum + c.bytes, 0);
  const videoBytes = videos.reduce((sum, v) => sum + v.size, 0);
  const freeModels = async () => {
    await clearModelCaches();
    await refreshStorage();
    setVersion((v) => v + 1);
  };
  return (
    <section className="settings__section" aria-labelledby="settings-storage">
      <h3 id="settings-storage">Storage</h3>
      <ul className="device" data-testid="settings.storage">
        {storage?.usage != null && storage.quota != null && (
          <li>
            {formatBytes(storage.usage)} used,{' '}
            {formatBytes(Math.max(0, storage.quota - storage.usage))} available
          </li>
        )}
        <li>
          Videos: {videos.length} ({formatBytes(videoBytes)}) — delete one from its card in the
          library to free its space
        </li>
        <li data-testid="settings.model-cache">
          Downloaded models and runtimes:{' '}
          {caches === null
            ? 'checking…'
            : `${formatBytes(modelBytes)} in ${models.reduce((n, c) => n + c.files, 0)} files`}
          {modelBytes > 0 && (
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => void freeModels()}
              data-testid="settings.clear-models"
            >
              Delete downloaded models
            </button>
          )}
        </li>
      </ul>
      <button
        type="button"
        className="button button--quiet button--small"
        onClick={() => {
          onLeave();
          showDiagnostics();
        }}
        data-testid="settings.diagnostics"
      >
        Open diagnostics
      </button>
    </section>
  );
}

/** Settings → Advanced: this device — WebGPU, threads, where each model ran fastest. */
export function DeviceSettings() {
  const device = useDeviceInfo();
  return (
    <section className="settings__section" aria-labelledby="settings-device">
      <h3 id="settings-device">This device</h3>
      {device ? <DeviceSummary device={device} /> : <p>Checking…</p>}
    </section>
  );
}
