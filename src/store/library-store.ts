import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { VideoRecord } from '../shared/video-types';
import type { StorageStatus } from '../storage/storage-status';

/** One import shown in the library, running or finished with an error. */
export interface ImportItem {
  key: string;
  name: string;
  size: number;
  state: 'queued' | 'running' | 'failed';
  phase: 'checking' | 'storing' | 'finishing';
  /** 0–1 within the phase. */
  fraction: number;
  /** Error name (e.g. NotAVideoError) and the message shown to the person. */
  error?: { name: string; message: string };
}

export interface LibraryState {
  videos: VideoRecord[];
  /** False until the library has been read from IndexedDB once. */
  loaded: boolean;
  imports: ImportItem[];
  storage: StorageStatus | null;
  /**
   * A new version of the app: `ready` when it waits for the person's consent; `applied` when
   * another tab (or a database upgrade) moved to it and this tab must reload to go on.
   */
  update: 'ready' | 'applied' | null;
  /**
   * Videos the person deleted whose undo window is still open: hidden everywhere, removed from
   * the device only when the window closes (src/library/pending-deletions.ts).
   */
  deleting: { id: string; name: string }[];
  /** The last deletion that failed once its window closed, in plain words (the video is back). */
  deleteError: string | null;
}

/** Serialisable library state; actions live in src/library (import-actions, delete-video, library-refresh). */
export const useLibraryStore = create<LibraryState>()(() => ({
  videos: [],
  loaded: false,
  imports: [],
  storage: null,
  update: null,
  deleting: [],
  deleteError: null,
}));

/** Applies a change to one import row. */
export function patchImport(key: string, patch: Partial<ImportItem>): void {
  useLibraryStore.setState((state) => ({
    imports: state.imports.map((item) => (item.key === key ? { ...item, ...patch } : item)),
  }));
}

/** The videos a person sees: the library less those in their undo window after a delete. */
export function useShownVideos(): VideoRecord[] {
  return useLibraryStore(
    useShallow((s) => s.videos.filter((v) => !s.deleting.some((d) => d.id === v.id))),
  );
}
