import { create } from 'zustand';

export interface ViewState {
  /** The video open in the video view, or null for the library. */
  videoId: string | null;
  /** A moment to show once the player is ready (a citation clicked in the library chat). */
  seekTo: { t: number; nonce: number } | null;
  /** The diagnostics page is showing (`#/diagnostics`). */
  diagnostics: boolean;
  /** The user guide is showing (`#/help`). */
  help: boolean;
  /** Where the player is (seconds), for the transcript's and timeline's "now". */
  playhead: number;
}

/** Which screen is showing; src/components/navigation.ts keeps it in step with the address bar. */
export const useViewStore = create<ViewState>()(() => ({
  videoId: null,
  diagnostics: false,
  help: false,
  seekTo: null,
  playhead: 0,
}));
