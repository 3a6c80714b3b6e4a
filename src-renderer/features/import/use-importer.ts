import { useCallback, useEffect, useState } from 'react';
import {
  assertImportableSize,
  ImportError,
  importArticle,
  MAX_IMPORT_BYTES,
  type ImportDeps,
} from '../../../src-core/import/import-article.ts';
import type { Library } from '../../db/index.ts';
import { parseHtml } from '../../host/index.ts';
import { displayTitle } from '../../ui/format.ts';

/** Bytes to import and the name they came with (a hint for HTML, Markdown or text). */
export interface IncomingFile {
  name: string;
  bytes: Uint8Array;
  /** How messages refer to it, when not by its file name ("the pasted text"). */
  label?: string;
  /** The file's size on disk; an oversized file is refused without reading it. */
  size?: number;
}

export type ImportOutcome =
  | { kind: 'added' | 'duplicate'; id: string; title: string }
  | { kind: 'refused'; label: string; message: string };

export interface ImportReport {
  outcomes: ImportOutcome[];
  /** Bumped on every report so the same message twice is announced twice. */
  serial: number;
}

const SUCCESS_MESSAGE_MS = 8000;

interface Options {
  library: Library;
  /** The platform's SHA-256 and HTML parser, handed to the core's importer. */
  deps: ImportDeps;
  onOpen(id: string): void;
}

async function importOne(
  library: Library,
  deps: ImportDeps,
  file: IncomingFile,
): Promise<ImportOutcome> {
  try {
    assertImportableSize(file.size ?? file.bytes.length);
    const parsed = await importArticle(file.bytes, { fileName: file.name }, deps);
    const { status, article } = await library.articles.add(parsed, file.bytes);
    return { kind: status, id: article.id, title: displayTitle(article.csl.title) };
  } catch (error) {
    const message =
      error instanceof ImportError
        ? error.message
        : `Something went wrong while saving it (${(error as Error).message ?? String(error)}).`;
    return { kind: 'refused', label: file.label ?? file.name, message };
  }
}

/**
 * One path for every way in (file picker, drop, paste, sample): parse with the core, store
 * through the repository, report each file, and open the last article that made it in.
 */
export function useImporter({ library, deps, onOpen }: Options) {
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);

  const importFiles = useCallback(
    async (files: readonly IncomingFile[]) => {
      if (files.length === 0) return;
      setBusy(true);
      const outcomes: ImportOutcome[] = [];
      // One at a time: the repository's duplicate check then sees the previous file.
      for (const file of files) outcomes.push(await importOne(library, deps, file));
      setBusy(false);
      setReport((previous) => ({ outcomes, serial: (previous?.serial ?? 0) + 1 }));
      const last = outcomes.findLast((o) => o.kind !== 'refused');
      if (last) onOpen(last.id);
    },
    [library, deps, onOpen],
  );

  // Good news fades after a while; a refusal stays until dismissed, so it cannot be missed.
  useEffect(() => {
    if (!report || report.outcomes.some((o) => o.kind === 'refused')) return;
    const timer = setTimeout(() => setReport(null), SUCCESS_MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [report]);

  const dismiss = useCallback(() => setReport(null), []);

  return { report, busy, importFiles, dismiss };
}

/** Reads browser File objects (picker or drop) into bytes. */
export async function readFiles(files: Iterable<File>): Promise<IncomingFile[]> {
  return Promise.all(
    Array.from(files, async (file) => ({
      name: file.name,
      size: file.size,
      // A file too large to be an article is refused by its size: never read it into memory.
      bytes:
        file.size > MAX_IMPORT_BYTES ? new Uint8Array() : new Uint8Array(await file.arrayBuffer()),
    })),
  );
}

/** What a paste carries: rich text (HTML) when the source offered it, and its plain text. */
export interface PastedContent {
  html: string | null;
  text: string;
}

/** Elements that give a page structure a plain-text copy would lose. */
const STRUCTURE =
  'p, h1, h2, h3, h4, h5, h6, ul, ol, li, blockquote, a[href], table, article, section, strong, em, b, i';

/**
 * The content of a paste (or drop) of text. Rich text wins when it has structure: paragraphs,
 * headings, lists, links, emphasis. HTML made only of styled boxes (what code editors put on the
 * clipboard along with a Markdown file's text) says less than the text itself, so then the text
 * is used. Null when the clipboard holds no text at all.
 */
export function clipboardContent(data: DataTransfer | null): PastedContent | null {
  if (!data) return null;
  const html = data.getData('text/html');
  const plain = data.getData('text/plain');
  if (html.trim()) {
    const page = parseHtml(html);
    if (page.body?.querySelector(STRUCTURE)) {
      return { html, text: plain || (page.body.textContent ?? '').trim() };
    }
  }
  return plain ? { html: null, text: plain } : null;
}

/**
 * Pasted rich text is imported like a saved web page, pasted plain text like a UTF-8 text file
 * (Markdown is recognised by its content either way).
 */
export function pastedContent({ html, text }: PastedContent): IncomingFile {
  return {
    name: html !== null ? 'pasted.html' : 'pasted-text.txt',
    label: 'the pasted text',
    bytes: new TextEncoder().encode(html ?? text),
  };
}
