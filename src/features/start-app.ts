import { listenForDeletions } from '../agent/answers-running';
import { onUpgradedElsewhere } from '../db';
import { logUncaughtErrors } from '../diagnostics/log-errors';
import { logEvent } from '../diagnostics/session-log';
import { cleanUpOrphanFiles } from '../library/delete-video';
import { refreshLibrary, refreshStorage } from '../library/library-refresh';
import { resumeAnalyses } from '../pipeline/analysis-queue';
import { applyConnectPolicy } from '../pwa/connect-policy';
import { noteUpgradedElsewhere, registerServiceWorker } from '../pwa/register-sw';
import { offerToolsToAgents } from '../webmcp/offer-tools';

/**
 * Everything the page does once at start, before the first render: the connection policy first
 * (every connection after it is checked against the configured hosts), then logging, other
 * tabs, the service worker, the library, the analyses a closed tab left unfinished and the tools
 * offered to the browser's agents (when the person has switched that on).
 */
export function startApp(): void {
  applyConnectPolicy();
  logUncaughtErrors();
  logEvent({ level: 'info', component: 'app', message: `BRI ${__APP_VERSION__} started` });
  listenForDeletions();
  registerServiceWorker();
  onUpgradedElsewhere(noteUpgradedElsewhere);
  void refreshLibrary();
  void refreshStorage();
  void resumeAnalyses();
  offerToolsToAgents();
  cleanUpOrphanFiles().catch((error: unknown) =>
    logEvent({
      level: 'warn',
      component: 'library',
      message: `Orphan cleanup failed: ${String(error)}`,
    }),
  );
}
