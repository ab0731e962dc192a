import { refreshStorage, requestPersistence } from '../features/library';
import { formatBytes } from '../shared/format';
import { useLibraryStore } from '../store/library-store';

/** Used / available storage, and whether the browser promised to keep it. */
export function StorageMeter() {
  const storage = useLibraryStore((s) => s.storage);
  if (!storage || storage.usage === null || storage.quota === null) return null;
  const percent = storage.quota > 0 ? Math.min(100, (storage.usage / storage.quota) * 100) : 0;
  return (
    <div className="storage" data-testid="storage.meter">
      <span className="storage__label">
        {formatBytes(storage.usage)} used of {formatBytes(storage.quota)}
      </span>
      <meter min={0} max={100} value={percent} aria-label="Storage used" />
      {storage.persisted ? (
        <span
          className="storage__persist"
          title="The browser won't clear BRI's data to free space."
        >
          Kept when space runs low
        </span>
      ) : (
        <button
          type="button"
          className="button button--quiet storage__persist"
          title="Ask the browser not to clear BRI's data when the disk fills up."
          onClick={() => void requestPersistence().then(refreshStorage)}
        >
          Don’t let the browser clear my videos
        </button>
      )}
    </div>
  );
}
