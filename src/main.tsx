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
import { startApp } from './features/start-app';

startApp();
installBriApi();
// Dropped from the production build: the constant is false there, so the chunk isn't made.
if (__BRI_TEST_HOOKS__)
  void import('./automation/test-hooks').then(({ installTestHooks }) => installTestHooks());
startNavigation();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
