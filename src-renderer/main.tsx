// Global styles first, so feature styles (imported by their components) come after them.
import './app/base.css';
import './ui/controls.css';
import './app/layout.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { LibraryProvider } from './app/LibraryContext.tsx';
import { openLibrarySafely, type LibraryOpening } from './db/open-library-safely.ts';
import { LibraryOpenFailed } from './app/LibraryOpenFailed.tsx';
import { CitationEngineProvider } from './features/citations/CitationEngineContext.tsx';
import { loadCitationEngine } from './features/citations/load-engine.ts';
import { HostProvider, selectHost, sha256 } from './host/index.ts';
import { selectCapturer } from './capture/select-capturer.ts';
import { CapturerProvider } from './capture/CapturerContext.tsx';
import { ErrorBoundary } from './ui/ErrorBoundary.tsx';
import { backupBeforeUpgrade, createAutoBackups } from './features/backup/auto-backup.ts';
import { AutoBackupProvider } from './features/backup/AutoBackupContext.tsx';
import { SearchProvider } from './search/SearchContext.tsx';
import { selectSearchClient } from './search/search-client.ts';

// Chosen once here and handed down through context: no module reaches for globals.
const host = selectHost();
const citationEngine = loadCitationEngine();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const reactRoot = createRoot(root);

// The library is opened (and upgraded) before anything reads it: a failed upgrade or a library
// from a newer Quire shows what happened instead of an empty app. The workers open it only
// after it opened here, so they never run an upgrade of their own.
reactRoot.render(<OpeningNote text="Opening your library…" />);
// Opening the library upgrades an older one, so its snapshot is saved first. This never throws:
// a failed snapshot is shown in the app (AutoBackupAlert) and the library still opens.
const preUpgrade = await backupBeforeUpgrade('quire', host.backups);
openLibrarySafely(
  'quire',
  { sha256 },
  {
    onUpgrade: (found, expected) =>
      reactRoot.render(
        <OpeningNote
          text={`Upgrading your library from version ${found} to version ${expected}…`}
        />,
      ),
  },
).then(showLibrary, (error: unknown) =>
  reactRoot.render(
    <StartupError message={error instanceof Error ? error.message : String(error)} />,
  ),
);

function showLibrary(opening: LibraryOpening) {
  if (opening.status === 'failed') {
    reactRoot.render(
      <StrictMode>
        <LibraryOpenFailed problem={opening.problem} onRetry={() => location.reload()} />
      </StrictMode>,
    );
    return;
  }
  const { library } = opening;
  const capturer = selectCapturer(location.search, library);
  const search = selectSearchClient(library.db);
  const autoBackups = createAutoBackups({ store: host.backups, library, preUpgrade });
  autoBackups.scheduleDaily();
  reactRoot.render(
    <StrictMode>
      <HostProvider host={host}>
        <LibraryProvider library={library}>
          <CapturerProvider capturer={capturer}>
            <SearchProvider client={search}>
              <CitationEngineProvider engine={citationEngine}>
                <ErrorBoundary fallback={(message) => <StartupError message={message} />}>
                  <AutoBackupProvider service={autoBackups}>
                    <App />
                  </AutoBackupProvider>
                </ErrorBoundary>
              </CitationEngineProvider>
            </SearchProvider>
          </CapturerProvider>
        </LibraryProvider>
      </HostProvider>
    </StrictMode>,
  );
}

/** While the library opens (and an older one is upgraded, which can take a while). */
function OpeningNote({ text }: { text: string }) {
  return (
    <main className="screen-note" aria-busy="true">
      <p role="status">{text}</p>
    </main>
  );
}

/** Shown when the library itself cannot be used (e.g. IndexedDB refused): say so plainly. */
function StartupError({ message }: { message: string }) {
  return (
    <main className="screen-note" role="alert">
      <h1 className="empty-state__title">Quire could not open your library</h1>
      <p className="empty-state__lead">{message}</p>
      <p className="empty-state__lead">
        Close Quire and open it again. If this keeps happening, the message above says why.
      </p>
    </main>
  );
}
