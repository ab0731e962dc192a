import { applyUpdate } from '../pwa/register-sw';
import { useLibraryStore } from '../store/library-store';

/** Offers to reload when a new version of the app has been downloaded. */
export function UpdatePrompt() {
  const updateReady = useLibraryStore((s) => s.updateReady);
  if (!updateReady) return null;
  return (
    <div className="toast" role="status" data-testid="app.update">
      <span>A new version of BRI is ready.</span>
      <button type="button" className="button" onClick={applyUpdate}>
        Reload
      </button>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => useLibraryStore.setState({ updateReady: false })}
      >
        Later
      </button>
    </div>
  );
}
