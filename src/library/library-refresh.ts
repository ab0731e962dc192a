import { listVideos } from '../db';
import { readStorageStatus } from '../storage/storage-status';
import { useLibraryStore } from '../store/library-store';

/** Reads the library's videos into the store the screens show. */
export async function refreshLibrary(): Promise<void> {
  useLibraryStore.setState({ videos: await listVideos(), loaded: true });
}

/** Reads what BRI uses of the storage the browser allows into the store (the storage meter). */
export async function refreshStorage(): Promise<void> {
  useLibraryStore.setState({ storage: await readStorageStatus() });
}
