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
  workbox.addEventListener('activated', (event) => {
    if (!event.isUpdate) reloadForIsolation();
  });
  workbox.addEventListener('controlling', (event) => {
    if (applying) window.location.reload();
    else if (event.isUpdate || event.isExternal) useLibraryStore.setState({ update: 'applied' });
  });
  workbox
    .register()
    .catch((error: unknown) => console.warn('Offline support is unavailable:', error));
}

/** Set for this tab once it has reloaded to become cross-origin isolated (never twice). */
const ISOLATION_RELOAD = 'bri.isolation-reload';

/**
 * On a host that sends no COOP/COEP headers, the first visit is not cross-origin isolated (one
 * WASM thread); the service worker that just installed adds the headers from the next load on.
 * Reload once now — only while nothing is being imported, so no work is lost; a busy tab stays
 * single-threaded until its next visit.
 */
function reloadForIsolation(): void {
  if (self.crossOriginIsolated || navigator.serviceWorker.controller) return;
  if (sessionStorage.getItem(ISOLATION_RELOAD)) return;
  if (useLibraryStore.getState().imports.some((item) => item.state !== 'failed')) return;
  sessionStorage.setItem(ISOLATION_RELOAD, '1');
  window.location.reload();
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
