// Must stay first: it configures zod before any module below builds a schema.
import './shared/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startNavigation } from './components/navigation';
import './app/app.css';
import './app/library.css';
import './app/library-tools.css';
import './app/settings-diagnostics.css';
import './app/video-view.css';
import './app/chat.css';
import { installBriApi } from './automation/bri-api';
import { logEvent } from './diagnostics/session-log';
import { logUncaughtErrors } from './diagnostics/log-errors';
import { cleanUpOrphanFiles, refreshLibrary, refreshStorage } from './library/library-actions';
import { resumeAnalyses } from './pipeline/analysis-queue';
import { listenForDeletions } from './agent/answers-running';
import { noteUpgradedElsewhere, registerServiceWorker } from './pwa/register-sw';
import { onUpgradedElsewhere } from './db';
import { applyConnectPolicy } from './pwa/connect-policy';

// First: every connection after this is checked against the configured hosts.
applyConnectPolicy();
logUncaughtErrors();
logEvent({ level: 'info', component: 'app', message: `BRI ${__APP_VERSION__} started` });
installBriApi();
// Dropped from the production build: the constant is false there, so the chunk isn't made.
if (__BRI_TEST_HOOKS__)
  void import('./automation/test-hooks').then(({ installTestHooks }) => installTestHooks());
startNavigation();
listenForDeletions();
registerServiceWorker();
onUpgradedElsewhere(noteUpgradedElsewhere);
void refreshLibrary();
void refreshStorage();
void resumeAnalyses();
cleanUpOrphanFiles().catch((error: unknown) =>
  logEvent({
    level: 'warn',
    component: 'library',
    message: `Orphan cleanup failed: ${String(error)}`,
  }),
);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
