import { useState } from 'react';
import { BackupButton } from '../components/BackupButton';
import { ConversationHistory } from '../components/ConversationHistory';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { DiagnosticsPage } from '../components/DiagnosticsPage';
import { HelpPage } from '../components/help/HelpPage';
import { DropZone } from '../components/DropZone';
import { ImportList } from '../components/ImportList';
import { LibraryGrid } from '../components/LibraryGrid';
import { SettingsDialog } from '../components/SettingsDialog';
import { StorageMeter } from '../components/StorageMeter';
import { UpdatePrompt } from '../components/UpdatePrompt';
import { VideoView } from '../components/VideoView';
import { Welcome } from '../components/Welcome';
import { LibraryChat } from '../components/LibraryChat';
import { SkipLink } from '../components/SkipLink';
import { HELP_HASH } from '../components/navigation';
import { useViewStore } from '../store/view-store';
import { useLibraryStore } from '../store/library-store';

export function App() {
  const [settingsOpen, setSettingsOpen] = useState(false);
  const videoId = useViewStore((s) => s.videoId);
  const diagnostics = useViewStore((s) => s.diagnostics);
  const help = useViewStore((s) => s.help);
  const hasVideos = useLibraryStore((s) => s.videos.length > 0);
  return (
    <>
      <SkipLink />
      <header className="topbar">
        <span className="brand" aria-label="BRI">
          <img src="/icons/icon.svg" alt="" width="32" height="32" />
          BRI
        </span>
        <div className="topbar__end">
          <StorageMeter />
          <a className="button button--quiet" href={HELP_HASH} data-testid="help.open">
            Help
          </a>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => setSettingsOpen(true)}
            data-testid="settings.open"
          >
            Settings
          </button>
        </div>
      </header>
      {diagnostics ? (
        <DiagnosticsPage />
      ) : help ? (
        <HelpPage />
      ) : videoId ? (
        <VideoView videoId={videoId} />
      ) : (
        <main className={hasVideos ? 'page page--has-videos' : 'page'}>
          <Welcome compact={hasVideos} />
          <DropZone />
          <ImportList />
          <section className="library" aria-labelledby="library-title">
            <div className="library__head">
              <h2 id="library-title">Your library</h2>
              <BackupButton />
            </div>
            <ErrorBoundary label="the library">
              <LibraryGrid />
            </ErrorBoundary>
          </section>
          <ErrorBoundary label="the library chat">
            <LibraryChat />
          </ErrorBoundary>
          <ErrorBoundary label="the conversation history">
            <ConversationHistory />
          </ErrorBoundary>
        </main>
      )}
      <UpdatePrompt />
      {settingsOpen && <SettingsDialog onClose={() => setSettingsOpen(false)} />}
    </>
  );
}
