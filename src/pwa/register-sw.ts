import { Workbox } from 'workbox-window';
import { useLibraryStore } from '../store/library-store';

let workbox: Workbox | undefined;

/**
 * Registers the service worker (production builds only: in dev it would cache stale modules).
 * A new version waits until the person accepts the update prompt.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  workbox = new Workbox('/sw.js', { scope: '/' });
  workbox.addEventListener('waiting', () => useLibraryStore.setState({ updateReady: true }));
  workbox
    .register()
    .catch((error: unknown) => console.warn('Offline support is unavailable:', error));
}

/** Activates the waiting service worker, then reloads onto the new version. */
export function applyUpdate(): void {
  if (!workbox) return;
  workbox.addEventListener('controlling', () => window.location.reload());
  workbox.messageSkipWaiting();
}
