import { deleteNow, dismissDeleteError, undoDelete } from '../features/library';
import { useLibraryStore } from '../store/library-store';

/**
 * The library's undo strip: each video just deleted, with Undo while its window is open (it is
 * removed from the device only when the window closes, or at Delete now); and a deletion that
 * failed, in plain words.
 */
export function UndoDelete() {
  const deleting = useLibraryStore((s) => s.deleting);
  const failed = useLibraryStore((s) => s.deleteError);
  if (deleting.length === 0 && !failed) return null;
  return (
    <div className="undo-strip" role="status" data-testid="library.undo-strip">
      {deleting.map(({ id, name }) => (
        <p key={id} className="undo-strip__item" data-testid="library.deleted">
          <span>“{name}” deleted.</span>
          <button
            type="button"
            className="button button--small"
            data-testid="library.undo"
            onClick={() => undoDelete(id)}
          >
            Undo
          </button>
          <button
            type="button"
            className="button button--quiet button--small"
            data-testid="library.delete-now"
            onClick={() => deleteNow(id)}
          >
            Delete now
          </button>
        </p>
      ))}
      {failed && (
        <p className="card__error" role="alert">
          {failed}{' '}
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={dismissDeleteError}
          >
            Dismiss
          </button>
        </p>
      )}
    </div>
  );
}
