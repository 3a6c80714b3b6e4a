import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useState } from 'react';
import { useHost } from '../host/index.ts';
import { useCapturer } from '../capture/CapturerContext.tsx';
import { BatchPanel } from '../features/import/BatchPanel.tsx';
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
import { FALLBACK_STYLE, useDefaultStyle } from '../features/citations/use-styles.ts';
import { UndoToast } from '../features/library/UndoToast.tsx';
import { useUndoableDelete } from '../features/library/use-undoable-delete.ts';
import { AboutLine } from './AboutLine.tsx';
import { IndexCheck } from '../features/library/IndexCheck.tsx';
import { ArticleScreen } from './ArticleScreen.tsx';
import { useLibrary } from './LibraryContext.tsx';
import { TopBar } from './TopBar.tsx';

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
  // The open article, and the paragraph a search hit asked for (a new object per click, so
  // the same hit clicked again scrolls again).
  const [opened, setOpened] = useState<{ id: string; paragraph?: number } | null>(null);
  const selectedId = opened?.id ?? null;
  const setSelectedId = useCallback(
    (id: string | null) => setOpened(id === null ? null : { id }),
    [],
  );
  const openAt = useCallback((id: string, paragraph?: number) => setOpened({ id, paragraph }), []);
  const [pasting, setPasting] = useState(false);
  const defaultStyle = useDefaultStyle(library) ?? FALLBACK_STYLE;
  const [chosenStyle, setCitationStyle] = useState<string | null>(null);
  const citationStyle = chosenStyle ?? defaultStyle;
  /** Export dialog: null closed; else the articles chosen (empty: the dialog's own default). */
  const [exporting, setExporting] = useState<string[] | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  const importer = useImporter({
    host,
    capturer,
    allowPrivate,
    onOpen: setSelectedId,
  });
  const { importSources } = importer;
  const onFiles = useCallback(
    (files: File[]) => importSources(fileSources(files), count(files.length, 'file', 'files')),
    [importSources],
  );
  const onFolderFiles = useCallback(
    (files: File[]) => {
      const accepted = files.filter((f) => isAcceptedName(f.name));
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
      <TopBar
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
      {deleteError && (
        <p className="app__error" role="alert">
          {deleteError}
        </p>
      )}
      <div className="app__body">
        <div className="sidebar">
          <LibraryPane
            library={library}
            selectedId={selectedId}
            onOpen={openAt}
            onDelete={deletion.remove}
            onExport={setExporting}
            onError={setDeleteError}
          />
          <IndexCheck />
          <AboutLine />
        </div>
        <main className="app__main">
          {selectedId ? (
            <ArticleScreen
              key={selectedId}
              id={selectedId}
              opened={opened}
              citationStyle={citationStyle}
              defaultStyle={defaultStyle}
              onCitationStyle={setCitationStyle}
            />
          ) : isEmpty ? (
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
      <DropZone onFiles={onFiles} />
      <PasteCatcher onFiles={onFiles} onContent={onPasted} />
      <UndoToast pending={deletion.pending} onUndo={deletion.undo} onDismiss={deletion.dismiss} />
    </div>
  );
}
