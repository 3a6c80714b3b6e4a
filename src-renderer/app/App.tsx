import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useState } from 'react';
import { useHost } from '../host/index.ts';
import { useCapturer } from '../capture/CapturerContext.tsx';
import { BatchPanel } from '../features/import/BatchPanel.tsx';
import { isReferenceFile } from '../features/import/reference-files.ts';
import { UrlDialog } from '../features/import/UrlDialog.tsx';
import {
  fileSources,
  folderSources,
  isAcceptedName,
  isUrlList,
  urlSources,
} from '../features/import/sources.ts';
import { useAllowPrivate } from '../features/import/use-allow-private.ts';
import { DropZone } from '../features/import/DropZone.tsx';
import { EmptyState } from '../features/import/EmptyState.tsx';
import { ImportReportBanner } from '../features/import/ImportReportBanner.tsx';
import { PasteCatcher } from '../features/import/PasteCatcher.tsx';
import { PasteDialog } from '../features/import/PasteDialog.tsx';
import { sampleArticle } from '../features/import/sample.ts';
import { pastedContent, useImporter, type PastedContent } from '../features/import/use-importer.ts';
import { LibraryPane } from '../features/library/LibraryPane.tsx';
import { ExportDialog } from '../features/export/ExportDialog.tsx';
import { AnnotationsScreen } from '../features/annotations/AnnotationsScreen.tsx';
import { AutoBackupAlert } from '../features/backup/AutoBackupAlert.tsx';
import { BackupsScreen } from '../features/backup/BackupsScreen.tsx';
import { ExcerptDialog } from '../features/annotations/ExcerptDialog.tsx';
import { FALLBACK_STYLE, useDefaultStyle } from '../features/citations/use-styles.ts';
import { UndoToast } from '../features/library/UndoToast.tsx';
import { useUndoableDelete } from '../features/library/use-undoable-delete.ts';
import { AboutLine } from './AboutLine.tsx';
import { StorageStatus } from '../features/data/StorageStatus.tsx';
import { usePersistOnceLibraryHasArticles } from '../features/data/use-storage-status.ts';
import { IndexCheck } from '../features/library/IndexCheck.tsx';
import { useReaderSettings } from '../features/reader/use-reader-settings.ts';
import { ArticleScreen } from './ArticleScreen.tsx';
import { useLibrary } from './LibraryContext.tsx';
import { SkipLinks } from './SkipLinks.tsx';
import { TopBar } from './TopBar.tsx';
import { useShellState } from './use-shell-state.ts';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The shell: wires features together and owns only the selection. */
export function App() {
  const library = useLibrary();
  const capturer = useCapturer();
  const host = useHost();
  const [allowPrivate, setAllowPrivate] = useAllowPrivate(library);
  const [addingUrls, setAddingUrls] = useState(false);
  // Whether there is any article: one key read (a count would read every key, on every write).
  const hasArticles = useLiveQuery(
    async () => (await library.db.summaries.limit(1).primaryKeys()).length > 0,
    [library],
  );
  usePersistOnceLibraryHasArticles(hasArticles);
  // Applies the reader's theme and typography to the whole window.
  useReaderSettings();
  // The open article and where it was, the aside and the drawers (kept across reloads).
  const shell = useShellState(library);
  const { opened, selectedId, setSelectedId, openAt, openAnnotation, libraryDrawer, libraryOpen } =
    shell;
  const { aside, onAside, onReadingPlace, setLibraryOpen, sidebar, skipTo } = shell;
  const [pasting, setPasting] = useState(false);
  const defaultStyle = useDefaultStyle(library) ?? FALLBACK_STYLE;
  const [chosenStyle, setCitationStyle] = useState<string | null>(null);
  const citationStyle = chosenStyle ?? defaultStyle;
  /** Export dialog: null closed; else the articles chosen (empty: the dialog's own default). */
  const [exporting, setExporting] = useState<string[] | null>(null);
  /** The excerpt export: the annotations chosen, or null when closed. */
  const [excerpting, setExcerpting] = useState<string[] | null>(null);
  /** The main area shows the open article, every highlight in the library, or the backups. */
  const [screen, setScreen] = useState<'notes' | 'backups' | null>(null);
  const allNotes = screen === 'notes';
  const showScreen = (next: 'notes' | 'backups') => {
    setScreen(screen === next ? null : next);
    setLibraryOpen(false); // a drawer would cover what it opens
  };
  const openFromNotes = useCallback(
    (id: string, annotation: string) => {
      setScreen(null);
      openAnnotation(id, annotation);
    },
    [openAnnotation],
  );
  const openFromLibrary = useCallback(
    (id: string, paragraph?: number) => {
      setScreen(null);
      openAt(id, paragraph);
    },
    [openAt],
  );
  const [deleteError, setDeleteError] = useState<string | null>(null);

  const importer = useImporter({
    host,
    capturer,
    allowPrivate,
    references: library.references,
    onOpen: setSelectedId,
  });
  const { importSources, importReferences } = importer;
  // Reference files (.bib, .ris, CSL-JSON) add their entries; the other files are pages. A
  // choice holding both runs the references first, then the pages (each run has its report).
  const onFiles = useCallback(
    async (files: File[]) => {
      const refs = files.filter((f) => isReferenceFile(f.name));
      const pages = files.filter((f) => !isReferenceFile(f.name));
      if (refs.length) {
        await importReferences(refs, count(refs.length, 'reference file', 'reference files'));
      }
      if (pages.length) {
        await importSources(fileSources(pages), count(pages.length, 'file', 'files'));
      }
    },
    [importSources, importReferences],
  );
  const onFolderFiles = useCallback(
    // A folder is a folder of saved pages (as the desktop app's folder import reads it).
    (files: File[]) => {
      const accepted = files.filter((f) => isAcceptedName(f.name) && !isReferenceFile(f.name));
      return importSources(fileSources(accepted), count(accepted.length, 'file', 'files'));
    },
    [importSources],
  );
  const folders = host.folders;
  const chooseFolderWithHost = useCallback(async () => {
    if (!folders) return;
    const listing = await folders.choose();
    if (listing) {
      await importSources(
        folderSources(listing, folders),
        count(listing.files.length, 'file', 'files'),
      );
    }
  }, [folders, importSources]);
  const onUrls = useCallback(
    (text: string) => {
      const sources = urlSources(text);
      return importSources(sources, count(sources.length, 'page', 'pages'));
    },
    [importSources],
  );
  const onPasted = useCallback(
    (content: PastedContent) => {
      // A pasted list of links is a list of pages to save, not an article.
      if (content.html === null && isUrlList(content.text)) return onUrls(content.text);
      return importSources([pastedContent(content)], 'the pasted text');
    },
    [importSources, onUrls],
  );
  const deletion = useUndoableDelete({
    library,
    selectedId,
    onSelect: setSelectedId,
    onError: setDeleteError,
  });

  const isEmpty = hasArticles === false;
  const batch = importer.run && importer.run.outcomes.length > 1 ? importer.run : null;
  return (
    <div className="app">
      <SkipLinks articleOpen={selectedId !== null && screen === null} onSkip={skipTo} />
      <TopBar
        libraryDrawer={libraryDrawer}
        libraryOpen={libraryOpen}
        onLibrary={() => setLibraryOpen((o) => !o)}
        busy={importer.busy}
        onFiles={onFiles}
        onFolderFiles={onFolderFiles}
        chooseFolderWithHost={folders ? chooseFolderWithHost : null}
        onPaste={() => setPasting(true)}
        onUrls={() => setAddingUrls(true)}
        canExport={!!hasArticles}
        onExport={() => setExporting([])}
      />
      {batch ? (
        <BatchPanel
          run={batch}
          onCancel={importer.cancel}
          onDismiss={importer.dismiss}
          onOpen={setSelectedId}
        />
      ) : (
        <ImportReportBanner run={importer.run} onDismiss={importer.dismiss} />
      )}
      <AutoBackupAlert onOpenBackups={() => setScreen('backups')} />
      {deleteError && (
        <p className="app__error" role="alert">
          {deleteError}
        </p>
      )}
      <div className="app__body" data-library={libraryDrawer ? 'drawer' : 'column'}>
        <div
          ref={sidebar}
          id="library"
          className="sidebar"
          data-open={(libraryDrawer && libraryOpen) || undefined}
          tabIndex={-1}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && libraryDrawer && libraryOpen && !event.defaultPrevented) {
              event.preventDefault();
              setLibraryOpen(false);
            }
          }}
        >
          <LibraryPane
            library={library}
            selectedId={selectedId}
            onOpen={openFromLibrary}
            onDelete={deletion.remove}
            onExport={setExporting}
            onError={setDeleteError}
          />
          <button
            type="button"
            className="sidebar__notes"
            aria-pressed={allNotes}
            onClick={() => showScreen('notes')}
          >
            Highlights and notes
          </button>
          <button
            type="button"
            className="sidebar__notes"
            aria-pressed={screen === 'backups'}
            onClick={() => showScreen('backups')}
          >
            Backups
          </button>
          <IndexCheck />
          <StorageStatus />
          <AboutLine />
        </div>
        {libraryDrawer && libraryOpen && (
          <div className="scrim" aria-hidden="true" onClick={() => setLibraryOpen(false)} />
        )}
        {/* Under the open library drawer, the rest is out of reach until it closes. */}
        <div className="app__main" inert={libraryDrawer && libraryOpen}>
          {allNotes ? (
            <main id="reader-main" className="screen-main" tabIndex={-1}>
              <AnnotationsScreen
                library={library}
                onOpen={openFromNotes}
                onExport={setExcerpting}
              />
            </main>
          ) : screen === 'backups' ? (
            <main id="reader-main" className="screen-main" tabIndex={-1}>
              <BackupsScreen library={library} />
            </main>
          ) : selectedId ? (
            <ArticleScreen
              key={selectedId}
              id={selectedId}
              opened={opened}
              citationStyle={citationStyle}
              defaultStyle={defaultStyle}
              onCitationStyle={setCitationStyle}
              aside={aside}
              onAside={onAside}
              onReadingPlace={onReadingPlace}
              onExportExcerpts={setExcerpting}
            />
          ) : (
            <main id="reader-main" className="screen-main" tabIndex={-1}>
              {isEmpty ? (
                <EmptyState
                  busy={importer.busy}
                  onAddSample={() => importSources([sampleArticle()], 'the sample article')}
                />
              ) : (
                hasArticles !== undefined && (
                  <p className="screen-note">Choose an article from your library to read it.</p>
                )
              )}
            </main>
          )}
        </div>
      </div>
      <PasteDialog open={pasting} onImport={onPasted} onClose={() => setPasting(false)} />
      <UrlDialog
        open={addingUrls}
        fetchedBy={host.kind}
        allowPrivate={allowPrivate}
        onAllowPrivate={setAllowPrivate}
        onSave={onUrls}
        onClose={() => setAddingUrls(false)}
      />
      {exporting && (
        <ExportDialog
          currentId={selectedId}
          chosenIds={exporting}
          defaultStyle={citationStyle}
          onClose={() => setExporting(null)}
        />
      )}
      {excerpting && (
        <ExcerptDialog
          annotationIds={excerpting}
          defaultStyle={citationStyle}
          onClose={() => setExcerpting(null)}
        />
      )}
      <DropZone onFiles={onFiles} />
      <PasteCatcher onFiles={onFiles} onContent={onPasted} />
      <UndoToast pending={deletion.pending} onUndo={deletion.undo} onDismiss={deletion.dismiss} />
    </div>
  );
}
