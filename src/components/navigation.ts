import { focusVideo } from '../features/analysis';
import { useViewStore } from '../store/view-store';

/** The user guide's address. */
export const HELP_HASH = '#/help';

/** `#/video/<id>` opens a video; anything else is the library. Back and reload just work. */
function videoFromHash(): string | null {
  const match = /^#\/video\/(.+)$/.exec(location.hash);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null; // A malformed link (`#/video/%E0`) opens the library, not an empty page.
  }
}

function applyHash(): void {
  const videoId = videoFromHash();
  useViewStore.setState({
    videoId,
    playhead: 0,
    diagnostics: location.hash === '#/diagnostics',
    help: location.hash === HELP_HASH,
  });
  // The video on screen is analysed before the others waiting.
  focusVideo(videoId);
}

/** Follows the address bar (call once at start). */
export function startNavigation(): void {
  window.addEventListener('hashchange', applyHash);
  applyHash();
}

/** Opens a video's view, optionally at a moment. */
export function openVideo(videoId: string, t?: number): void {
  if (t !== undefined) useViewStore.setState({ seekTo: { t, nonce: Date.now() } });
  location.hash = `#/video/${encodeURIComponent(videoId)}`;
}

/** The diagnostics page. */
export function showDiagnostics(): void {
  location.hash = '#/diagnostics';
}

/** Back to the library. */
export function showLibrary(): void {
  location.hash = '';
}

/** Asks the player to show `t` (seconds). */
export function seekPlayer(t: number): void {
  useViewStore.setState({ seekTo: { t, nonce: Date.now() } });
}
