import { DropZone } from '../components/DropZone';
import { ImportList } from '../components/ImportList';
import { LibraryGrid } from '../components/LibraryGrid';
import { StorageMeter } from '../components/StorageMeter';
import { UpdatePrompt } from '../components/UpdatePrompt';
import { Welcome } from '../components/Welcome';

export function App() {
  return (
    <>
      <header className="topbar">
        <span className="brand" aria-label="BRI">
          <img src="/icons/icon.svg" alt="" width="32" height="32" />
          BRI
        </span>
        <StorageMeter />
      </header>
      <main className="page">
        <Welcome />
        <DropZone />
        <ImportList />
        <section className="library" aria-labelledby="library-title">
          <h2 id="library-title">Your library</h2>
          <LibraryGrid />
        </section>
      </main>
      <UpdatePrompt />
    </>
  );
}
