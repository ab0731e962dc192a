import { downloadBackup } from '../features/library';
import { useState } from 'react';
import { useLibraryStore } from '../store/library-store';
import { errorMessage } from '../shared/error-message';

/** Saves the whole library (files and index) as one `.bri` file; dropping it back restores it. */
export function BackupButton() {
  const count = useLibraryStore((s) => s.videos.length);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (count === 0) return null;
  const backUp = () => {
    setBusy(true);
    setError(null);
    const date = new Date().toISOString().slice(0, 10);
    downloadBackup(undefined, `bri-library-${date}.bri`)
      .catch((e: unknown) => setError(`Couldn't make the backup: ${errorMessage(e)}`))
      .finally(() => setBusy(false));
  };
  return (
    <div className="library__backup">
      <button
        type="button"
        className="button button--quiet"
        data-testid="library.backup"
        disabled={busy}
        onClick={backUp}
      >
        {busy ? 'Preparing backup…' : 'Back up library'}
      </button>
      {error && (
        <p className="card__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
