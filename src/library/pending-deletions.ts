import { useLibraryStore } from '../store/library-store';
import { errorMessage } from '../shared/error-message';
import { deleteVideo } from './delete-video';

/** How long a deleted video can be brought back before it is removed from the device. */
export const UNDO_DELETE_MS = 8_000;

interface Waiting {
  timer: ReturnType<typeof setTimeout>;
  /** Removes the video from the device now. */
  remove: () => void;
  /** Settles the caller's promise as undone. */
  undone: () => void;
}

/** Deletions waiting out their undo window, by video id. */
const waiting = new Map<string, Waiting>();

function unhide(id: string): void {
  useLibraryStore.setState((s) => ({ deleting: s.deleting.filter((d) => d.id !== id) }));
}

/**
 * Deletes a video the way the library's bin button does: it disappears at once, and is removed
 * from the device (its file, every row, the answers about it) only when the undo window closes,
 * or at once with `deleteNow`. Nothing is removed before then: a tab closed in the window keeps
 * the video. Resolves true once removed, false if undone; rejects if the removal fails.
 */
export function deleteWithUndo(id: string, name: string): Promise<boolean> {
  if (waiting.has(id)) return Promise.resolve(false);
  useLibraryStore.setState((s) => ({ deleting: [...s.deleting, { id, name }], deleteError: null }));
  return new Promise<boolean>((resolve, reject) => {
    const remove = () => {
      const entry = waiting.get(id);
      if (!entry) return;
      clearTimeout(entry.timer);
      waiting.delete(id);
      deleteVideo(id)
        .then(
          () => resolve(true),
          (error: unknown) => {
            useLibraryStore.setState({
              deleteError: `“${name}” couldn't be deleted: ${errorMessage(error)}`,
            });
            reject(error instanceof Error ? error : new Error(errorMessage(error)));
          },
        )
        .finally(() => unhide(id));
    };
    const undone = () => {
      unhide(id);
      resolve(false);
    };
    waiting.set(id, { timer: setTimeout(remove, UNDO_DELETE_MS), remove, undone });
  });
}

/** Brings back a video whose undo window is still open; false if it is too late. */
export function undoDelete(id: string): boolean {
  const entry = waiting.get(id);
  if (!entry) return false;
  clearTimeout(entry.timer);
  waiting.delete(id);
  entry.undone();
  return true;
}

/** Clears a failed deletion's message. */
export function dismissDeleteError(): void {
  useLibraryStore.setState({ deleteError: null });
}

/** Closes a video's undo window now: it is removed from the device straight away. */
export function deleteNow(id: string): void {
  waiting.get(id)?.remove();
}
