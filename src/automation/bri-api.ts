import { getVideo, listVideos } from '../db';
import { deleteVideo, importFile } from '../library/library-actions';
import type { BriApi } from '../shared/bri-api';

/** Installs `window.bri`, the automation API documented in the README. */
export function installBriApi(): void {
  const api: BriApi = {
    version: __APP_VERSION__,
    importVideo: (file, name) => importFile(file, name),
    listVideos: () => listVideos(),
    getVideo: async (id) => (await getVideo(id)) ?? null,
    deleteVideo: (id) => deleteVideo(id),
  };
  window.bri = Object.freeze(api);
}
