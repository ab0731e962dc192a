import { cancelImport, dismissImport } from '../features/library';
import { formatBytes } from '../shared/format';
import { useLibraryStore, type ImportItem } from '../store/library-store';

const PHASE_LABEL: Record<ImportItem['phase'], string> = {
  checking: 'Checking the video…',
  storing: 'Saving to this device…',
  finishing: 'Adding to your library…',
};

function ImportRow({ item }: { item: ImportItem }) {
  if (item.state === 'failed' && item.error) {
    return (
      <li
        className="import import--failed"
        data-testid="library.error"
        data-error={item.error.name}
        role="alert"
      >
        <p className="import__message">{item.error.message}</p>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => dismissImport(item.key)}
        >
          Dismiss
        </button>
      </li>
    );
  }
  const percent = Math.round(item.fraction * 100);
  return (
    <li className="import" data-testid="library.importing">
      <div className="import__text">
        <strong>{item.name}</strong> <span className="import__size">{formatBytes(item.size)}</span>
        <span className="import__phase">
          {item.state === 'queued' ? 'Waiting…' : PHASE_LABEL[item.phase]}
        </span>
      </div>
      <progress
        max={100}
        value={item.phase === 'storing' ? percent : undefined}
        aria-label={`Importing ${item.name}`}
      />
      <button type="button" className="button button--quiet" onClick={() => cancelImport(item.key)}>
        Cancel
      </button>
    </li>
  );
}

/** Imports in progress and the ones that failed, each with its own plain-words message. */
export function ImportList() {
  const imports = useLibraryStore((s) => s.imports);
  if (imports.length === 0) return null;
  return (
    <ul className="imports" aria-live="polite" aria-label="Imports">
      {imports.map((item) => (
        <ImportRow key={item.key} item={item} />
      ))}
    </ul>
  );
}
