import { focusVideo } from '../features/analysis';
import { useViewStore } from '../store/view-store';

/** The user guide's address. */
export const HELP_HASH = '#/help';

/**
 * `#/video/<id>` opens a video, `#/video/<id>?t=83.5` opens it at a moment (the links BRI gives
 * agents); anything else is the library. Back and reload just work.
 */
function videoFromHash(): { videoId: string; t: number | null } | null {
  const match = /^#\/video\/([^?]+)(?:\?(.*))?$/.exec(location.hash);
  if (!match?.[1]) return null;
  try {
    const t = Number(new URLSearchParams(match[2] ?? '').get('t') ?? NaN);
    return { videoId: decodeURIComponent(match[1]), t: Number.isFinite(t) && t >= 0 ? t : null };
  } catch {
    return null; // A malformed link (`#/video/%E0`) opens the library, not an empty page.
  }
}

function applyHash(): void {
  const video = videoFromHash();
  useViewStore.setState({
    videoId: video?.videoId ?? null,
    playhead: 0,
    diagnostics: location.hash === '#/diagnostics',
    help: location.hash === HELP_HASH,
    ...(video?.t != null ? { seekTo: { t: video.t, nonce: Date.now() } } : {}),
  });
  // The video on screen is analysed before the others waiting.
  focusVideo(video?.videoId ?? null);
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
