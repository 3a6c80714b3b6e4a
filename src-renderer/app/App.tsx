import { useCallback, useState } from 'react';
import { useArticleSummaries } from '../db/index.ts';
import { importDeps } from '../host/index.ts';
import { DropZone } from '../features/import/DropZone.tsx';
import { EmptyState } from '../features/import/EmptyState.tsx';
import { ImportReportBanner } from '../features/import/ImportReportBanner.tsx';
import { PasteCatcher } from '../features/import/PasteCatcher.tsx';
import { PasteDialog } from '../features/import/PasteDialog.tsx';
import { sampleArticle } from '../features/import/sample.ts';
import {
  pastedContent,
  readFiles,
  useImporter,
  type PastedContent,
} from '../features/import/use-importer.ts';
import { LibraryPane } from '../features/library/LibraryPane.tsx';
import { ExportDialog } from '../features/export/ExportDialog.tsx';
import { FALLBACK_STYLE, useDefaultStyle } from '../features/citations/use-styles.ts';
import { UndoToast } from '../features/library/UndoToast.tsx';
import { useUndoableDelete } from '../features/library/use-undoable-delete.ts';
import { AboutLine } from './AboutLine.tsx';
import { ArticleScreen } from './ArticleScreen.tsx';
import { useLibrary } from './LibraryContext.tsx';
import { TopBar } from './TopBar.tsx';

/** The shell: wires features together and owns only the selection. */
export function App() {
  const library = useLibrary();
  const articles = useArticleSummaries(library);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [pasting, setPasting] = useState(false);
  const defaultStyle = useDefaultStyle(library) ?? FALLBACK_STYLE;
  const [chosenStyle, setCitationStyle] = useState<string | null>(null);
  const citationStyle = chosenStyle ?? defaultStyle;
  const [exporting, setExporting] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  const importer = useImporter({ library, deps: importDeps, onOpen: setSelectedId });
  const { importFiles } = importer;
  const onFiles = useCallback(
    async (files: File[]) => importFiles(await readFiles(files)),
    [importFiles],
  );
  const onPasted = useCallback(
    (content: PastedContent) => importFiles([pastedContent(content)]),
    [importFiles],
  );
  const deletion = useUndoableDelete({
    library,
    selectedId,
    onSelect: setSelectedId,
    onError: setDeleteError,
  });

  const isEmpty = articles !== undefined && articles.length === 0;
  return (
    <div className="app">
      <TopBar
        busy={importer.busy}
        onFiles={onFiles}
        onPaste={() => setPasting(true)}
        canExport={!!articles?.length}
        onExport={() => setExporting(true)}
      />
      <ImportReportBanner report={importer.report} onDismiss={importer.dismiss} />
      {deleteError && (
        <p className="app__error" role="alert">
          {deleteError}
        </p>
      )}
      <div className="app__body">
        <div className="sidebar">
          <LibraryPane
            articles={articles}
            selectedId={selectedId}
            onOpen={setSelectedId}
            onDelete={deletion.remove}
          />
          <AboutLine />
        </div>
        <main className="app__main">
          {selectedId ? (
            <ArticleScreen
              key={selectedId}
              id={selectedId}
              citationStyle={citationStyle}
              defaultStyle={defaultStyle}
              onCitationStyle={setCitationStyle}
            />
          ) : isEmpty ? (
            <EmptyState busy={importer.busy} onAddSample={() => importFiles([sampleArticle()])} />
          ) : (
            articles && (
              <p className="screen-note">Choose an article from your library to read it.</p>
            )
          )}
        </main>
      </div>
      <PasteDialog open={pasting} onImport={onPasted} onClose={() => setPasting(false)} />
      {exporting && (
        <ExportDialog
          currentId={selectedId}
          defaultStyle={citationStyle}
          onClose={() => setExporting(false)}
        />
      )}
      <DropZone onFiles={onFiles} />
      <PasteCatcher onFiles={onFiles} onContent={onPasted} />
      <UndoToast pending={deletion.pending} onUndo={deletion.undo} onDismiss={deletion.dismiss} />
    </div>
  );
}
