import { renameVideo as renameStored } from '../db';
import { refreshLibrary } from './library-refresh';

/** Renames a video everywhere at once (card, exports, backups, chat); rejects with why not. */
export async function renameVideo(id: string, name: string): Promise<boolean> {
  const renamed = await renameStored(id, name);
  await refreshLibrary();
  return renamed;
}
