import { applyUpdate } from '../features/device';
import { useLibraryStore } from '../store/library-store';

/**
 * Offers to reload when a new version of the app has been downloaded, and insists when another
 * tab already moved to it (this tab's code and the new database no longer match).
 */
export function UpdatePrompt() {
  const update = useLibraryStore((s) => s.update);
  if (update === 'applied') {
    return (
      <div className="toast" role="alert" data-testid="app.update" data-update="applied">
        <span>BRI was updated in another tab. Reload this tab to go on with the new version.</span>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
  if (update !== 'ready') return null;
  return (
    <div className="toast" role="status" data-testid="app.update" data-update="ready">
      <span>A new version of BRI is ready.</span>
      <button type="button" className="button" onClick={applyUpdate}>
        Reload
      </button>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => useLibraryStore.setState({ update: null })}
      >
        Later
      </button>
    </div>
  );
}
