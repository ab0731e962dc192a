import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startNavigation } from './app/navigation';
import './app/app.css';
import { installBriApi } from './automation/bri-api';
import { cleanUpOrphanFiles, refreshLibrary, refreshStorage } from './library/library-actions';
import { resumeAnalyses } from './pipeline/analysis-queue';
import { registerServiceWorker } from './pwa/register-sw';

installBriApi();
startNavigation();
registerServiceWorker();
void refreshLibrary();
void refreshStorage();
void resumeAnalyses();
cleanUpOrphanFiles().catch((error: unknown) => console.warn('Orphan cleanup failed:', error));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
