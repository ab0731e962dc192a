import { Workbox } from 'workbox-window';
import { useLibraryStore } from '../store/library-store';

let workbox: Workbox | undefined;
/** True once this tab asked the waiting worker to take over (it then reloads itself). */
let applying = false;

/**
 * Registers the service worker (production builds only: in dev it would cache stale modules).
 * A new version waits until the person accepts the update prompt — in every open tab: the tab
 * that found the update and the others (workbox reports theirs as `isExternal`). When one tab
 * accepts, the new worker controls them all and the old app files are gone from its cache, so
 * each other tab is told to reload rather than left running old code.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  workbox = new Workbox('/sw.js', { scope: '/' });
  workbox.addEventListener('waiting', () => useLibraryStore.setState({ update: 'ready' }));
  workbox.addEventListener('controlling', (event) => {
    if (applying) window.location.reload();
    else if (event.isUpdate || event.isExternal) useLibraryStore.setState({ update: 'applied' });
  });
  workbox
    .register()
    .catch((error: unknown) => console.warn('Offline support is unavailable:', error));
}

/** Activates the waiting service worker, then reloads onto the new version. */
export function applyUpdate(): void {
  if (!workbox) return;
  applying = true;
  workbox.messageSkipWaiting();
}

/** A newer version of BRI upgraded the database from another tab: this one must reload. */
export function noteUpgradedElsewhere(): void {
  useLibraryStore.setState({ update: 'applied' });
}
